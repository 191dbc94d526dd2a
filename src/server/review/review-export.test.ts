import { describe, expect, it } from 'vitest';
import { toHtml } from './review-export.ts';

describe('review export HTML', () => {
  it('writes text as text, and sets the language and direction of the review', () => {
    const html = toHtml(
      [
        { kind: 'title', text: 'قائمة التقييم الذاتي' },
        { kind: 'field', label: 'السرد', text: '<script>alert(1)</script>\nline two' },
      ],
      'ar',
    );
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>line two');
    expect(toHtml([{ kind: 'title', text: 'x' }], 'fr')).toContain('<html lang="fr" dir="ltr">');
  });
});
