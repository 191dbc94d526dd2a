import { describe, expect, it } from 'vitest';
import { findPersonalData, personalDataFlags, redactPersonalData } from './personal-data.ts';

describe('personal data in report text', () => {
  it.each([
    ['en', 'The man at the bus stop keeps calling me, his number is +254 712 345 678, please help', ['phone']],
    ['en', 'Write to jane.doe@example.org if you want photos', ['email']],
    ['en', 'contact: jane [at] mail [dot] com', ['email']],
    ['en', 'US style (415) 555-0134 was painted on the wall', ['phone']],
    ['fr', 'Appelez-moi au 06 12 34 56 78 après 18h', ['phone']],
    ['es', 'Mi correo es maría.lópez@correo.es y mi teléfono 612-345-678', ['email', 'phone']],
    ['ru', 'Звоните по номеру 8 (912) 345-67-89, это мой сосед', ['phone']],
    ['ar', 'رقم هاتفي ٠٧١٢٣٤٥٦٧٨ أرجو الاتصال', ['phone']],
    ['zh', '我的手机号是１３８１２３４５６７８，请联系我', ['phone']],
    ['zh', '邮箱 wang.li@163.com', ['email']],
    ['en', 'he posts as @street_watcher_22 on every site', ['handle']],
    ['en', 'my id card 1234567890123456 was stolen here', ['id_number']],
  ])('flags %s text: %s', (_lang, text, kinds) => {
    expect(personalDataFlags(text)).toEqual(kinds);
  });

  it.each([
    'The lamp on 5th Street has been broken since 2024-05-01, after 22:30 it is completely dark.',
    'Около 20 человек собираются у остановки после 23:00.',
    'الشارع مظلم بعد الساعة ٩ مساءً',
    '公交站旁边的路灯坏了3个，晚上10点以后很黑。',
    'Meet at the park entrance: 3 lamps out of 12 work.',
    'La parada del autobús 27 está muy oscura.',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('redacts what it found and keeps the rest', () => {
    expect(redactPersonalData('Call 0712 345 678 or mail a@b.org, the lights are out')).toBe('Call […] or mail […], the lights are out');
  });
});
