/** The six official languages of the United Nations, as BCP 47 language tags. */
export const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** Text we wrote or translated ourselves is `unofficial` until a person verifies it against the official source. */
export type TranslationStatus = 'official' | 'unofficial';

export interface LocalizedText {
  readonly text: string;
  readonly status: TranslationStatus;
}

export function isUnLanguage(value: string): value is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(value);
}
