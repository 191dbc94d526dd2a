import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigateTo } from '../use-route.ts';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A link to another page of the app: a real `<a href>`, followed without a reload on a plain click. */
export function AppLink({ href, onClick, ...rest }: Props) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigateTo(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
