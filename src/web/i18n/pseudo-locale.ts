// The pseudo-locale `qps-ploc`, made at run time from the English catalogue: every ASCII letter
// becomes an accented look-alike and every message is wrapped in brackets, e.g. "[Çîţîéš]".
// Text that reaches the page without passing through a catalogue stays plain ASCII, which is
// what the end-to-end test looks for. It is not a file the translators maintain.
import {
  createLiteralElement,
  isLiteralElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser';

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = 'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const accents = new Map([...plain].map((letter, i) => [letter, [...accented][i] ?? letter]));

export function pseudoText(text: string): string {
  return [...text].map((c) => accents.get(c) ?? c).join('');
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (isLiteralElement(element)) return { ...element, value: pseudoText(element.value) };
    if (isTagElement(element)) return { ...element, children: pseudoElements(element.children) };
    if (isPluralElement(element) || isSelectElement(element)) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: pseudoElements(option.value) },
        ]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** Pseudo-localises a whole catalogue; placeholders, plurals and tags keep working. */
export function pseudoCatalogue(
  messages: Record<string, string>,
): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(
    Object.entries(messages).map(([id, message]) => {
      const elements = pseudoElements(parse(message));
      return [id, [createLiteralElement('['), ...elements, createLiteralElement(']')]];
    }),
  );
}
