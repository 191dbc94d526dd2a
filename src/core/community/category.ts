import { z } from 'zod';

/**
 * Report categories (issue 7). `code` is the category's Open311 service code; `names` holds its name per language
 * (the six UN languages, and any the city adds); a `sensitive` category never reaches a public output.
 */
export type Category = {
  code: string;
  names: Record<string, string>;
  sensitive: boolean;
  active: boolean;
};

export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a service code: lower-case letters, digits, _ and -, up to 64 characters');

export const categoryInputSchema = z.object({
  code: categoryCodeSchema,
  names: z
    .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag such as en or pt-BR'), z.string().trim().min(1).max(120))
    .refine((n) => typeof n.en === 'string', 'needs at least an English name (en)'),
  sensitive: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type CategoryInput = z.output<typeof categoryInputSchema>;

/**
 * The defaults every city starts with, drawn from the guidelines' list of what makes a place feel unsafe
 * (seeds/000 para 25–28): the environment (lighting, isolation, transport stops, routes to school, services)
 * and behaviour (harassment, violence, drug dealing, gangs). Sexual harassment and violence are sensitive by
 * default: they stay off the public map so that no one is exposed by a report.
 */
export const defaultCategories: readonly Category[] = [
  {
    code: 'poor-lighting',
    names: { ar: 'إنارة ضعيفة', en: 'Poor lighting', es: 'Iluminación deficiente', fr: 'Éclairage insuffisant', ru: 'Плохое освещение', zh: '照明不足' },
    sensitive: false,
    active: true,
  },
  {
    code: 'isolated-space',
    names: {
      ar: 'مكان معزول أو مهجور',
      en: 'Isolated or abandoned space',
      es: 'Espacio aislado o abandonado',
      fr: 'Espace isolé ou abandonné',
      ru: 'Безлюдное или заброшенное место',
      zh: '偏僻或废弃的场所',
    },
    sensitive: false,
    active: true,
  },
  {
    code: 'harassment',
    names: { ar: 'تحرش', en: 'Harassment', es: 'Acoso', fr: 'Harcèlement', ru: 'Домогательства', zh: '骚扰' },
    sensitive: true,
    active: true,
  },
  {
    code: 'violence',
    names: { ar: 'عنف', en: 'Violence', es: 'Violencia', fr: 'Violence', ru: 'Насилие', zh: '暴力' },
    sensitive: true,
    active: true,
  },
  {
    code: 'transport-stop',
    names: {
      ar: 'موقف نقل عام غير آمن',
      en: 'Unsafe transport stop',
      es: 'Parada de transporte insegura',
      fr: 'Arrêt de transport dangereux',
      ru: 'Опасная остановка транспорта',
      zh: '不安全的公交站点',
    },
    sensitive: false,
    active: true,
  },
  {
    code: 'school-route',
    names: {
      ar: 'طريق غير آمن إلى المدرسة',
      en: 'Unsafe route to school',
      es: 'Camino inseguro a la escuela',
      fr: "Trajet dangereux vers l'école",
      ru: 'Опасный путь в школу',
      zh: '不安全的上学路线',
    },
    sensitive: false,
    active: true,
  },
  {
    code: 'drug-dealing',
    names: { ar: 'تجارة المخدرات', en: 'Drug dealing', es: 'Venta de drogas', fr: 'Trafic de drogue', ru: 'Торговля наркотиками', zh: '毒品交易' },
    sensitive: false,
    active: true,
  },
  {
    code: 'gang-activity',
    names: { ar: 'نشاط العصابات', en: 'Gang activity', es: 'Actividad de pandillas', fr: 'Activité de gangs', ru: 'Деятельность банд', zh: '帮派活动' },
    sensitive: false,
    active: true,
  },
  {
    code: 'lack-of-services',
    names: {
      ar: 'نقص الخدمات',
      en: 'Lack of services',
      es: 'Falta de servicios',
      fr: 'Manque de services',
      ru: 'Нехватка услуг',
      zh: '缺乏服务设施',
    },
    sensitive: false,
    active: true,
  },
];

/** The category's name in `language`, else in English, else its code. */
export function categoryName(category: Pick<Category, 'code' | 'names'>, language: string): string {
  return category.names[language] ?? category.names.en ?? category.code;
}
