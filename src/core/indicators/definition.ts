import { z } from 'zod';
import { iccsCodeSchema, iccsLabel, isIccsCode } from '../reference/iccs.ts';
import { type LocalizedText, UN_LANGUAGES, type UnLanguage } from '../reference/un-languages.ts';
import type { IndicatorBy } from './survey-source.ts';

/**
 * An indicator definition (issue 5, scope 1). Record-based indicators count police/health records under an ICCS
 * filter against the resident population; survey-based ones are shares of respondents computed by a
 * `SurveyIndicatorSource`.
 */
export type Texts = Readonly<Record<UnLanguage, LocalizedText>>;

export type IndicatorSource = 'record' | 'survey';

export type RecordSpec = {
  /** ICCS code matched with its descendants. */
  iccs: string;
  /** Record sources shown side by side (`police`, `health`) when the data hold both; undefined = all sources pooled. */
  bySource: boolean;
};

export type SurveySpec = {
  /** A built-in module code the survey source knows, or `custom` with `question`. */
  code: string;
  question?: { name: string; choices: string[] };
};

export interface IndicatorDefinition {
  code: string;
  /** Which framework it comes from: the SDG global indicator list, the UN-Habitat Urban Monitoring Framework, ICCS, or the city. */
  framework: 'sdg' | 'umf' | 'iccs' | 'custom';
  names: Texts;
  descriptions: Texts;
  numerator: string;
  denominator: string;
  unit: 'per_100000_per_year' | 'percent';
  by: readonly IndicatorBy[];
  source: IndicatorSource;
  record?: RecordSpec;
  survey?: SurveySpec;
  /** The definition as applied here, in plain words (counting rules, what is kept in the denominator). */
  rule: string;
  /** The same figure under another code (UMF 5.1.1 is SDG 16.1.1). */
  sameAs?: string;
}

const recordBy: readonly IndicatorBy[] = ['unit', 'month', 'quarter', 'year', 'sex', 'age'];
const surveyBy: readonly IndicatorBy[] = ['unit', 'year', 'sex', 'age'];

/** Our own wording in all six languages: every text is unofficial until checked against the official source. */
function ours(t: Record<UnLanguage, string>): Texts {
  return Object.fromEntries(UN_LANGUAGES.map((l) => [l, { text: t[l], status: 'unofficial' }])) as unknown as Texts;
}

const homicideNames = ours({
  ar: 'ضحايا القتل العمد لكل 100,000 نسمة',
  en: 'Victims of intentional homicide per 100,000 population',
  es: 'Víctimas de homicidio intencional por cada 100.000 habitantes',
  fr: "Victimes d'homicide volontaire pour 100 000 habitants",
  ru: 'Жертвы умышленных убийств на 100 000 человек',
  zh: '每10万人中故意杀人案受害者人数',
});
const homicideDescriptions = ours({
  ar: 'عدد ضحايا القتل العمد (التصنيف الدولي للجرائم 0101) في السنة لكل 100,000 من السكان المقيمين، من سجلات الشرطة والصحة جنباً إلى جنب.',
  en: 'Victims of intentional homicide (ICCS 0101) per year per 100,000 residents, from police and health records side by side.',
  es: 'Víctimas de homicidio intencional (ICCS 0101) por año por cada 100.000 residentes, de registros policiales y de salud lado a lado.',
  fr: "Victimes d'homicide volontaire (ICCS 0101) par an pour 100 000 résidents, d'après les registres de police et de santé côte à côte.",
  ru: 'Жертвы умышленных убийств (МКПС 0101) в год на 100 000 жителей по данным полиции и здравоохранения, рядом.',
  zh: '每年每10万常住人口中故意杀人案（ICCS 0101）受害者人数，警方与卫生记录并列显示。',
});
const homicideRule =
  'Victims counted: records coded ICCS 0101 (intentional homicide) or a descendant, one record per victim, by the day ' +
  'of the event; police and health records are counted separately and shown side by side, never added. Denominator: ' +
  'resident population × years covered.';

function surveyIndicator(
  code: string,
  framework: 'sdg' | 'umf',
  names: Record<UnLanguage, string>,
  descriptions: Record<UnLanguage, string>,
  numerator: string,
  denominator: string,
  rule: string,
  by: readonly IndicatorBy[] = surveyBy,
  sameAs?: string,
): IndicatorDefinition {
  return {
    code,
    framework,
    names: ours(names),
    descriptions: ours(descriptions),
    numerator,
    denominator,
    unit: 'percent',
    by,
    source: 'survey',
    survey: { code: sameAs ?? code },
    rule,
    ...(sameAs ? { sameAs } : {}),
  };
}

const violenceNames = {
  ar: 'نسبة السكان الذين تعرضوا للعنف البدني أو النفسي أو الجنسي في الأشهر الاثني عشر الماضية',
  en: 'Proportion of population subjected to physical, psychological or sexual violence in the previous 12 months',
  es: 'Proporción de la población que ha sufrido violencia física, psicológica o sexual en los 12 meses anteriores',
  fr: 'Proportion de la population victime de violences physiques, psychologiques ou sexuelles au cours des 12 derniers mois',
  ru: 'Доля населения, подвергавшегося физическому, психологическому или сексуальному насилию за последние 12 месяцев',
  zh: '过去12个月中遭受身体、心理或性暴力的人口比例',
};
const violenceDescriptions = {
  ar: 'من مسح الإيذاء: المستجيبون الذين أبلغوا عن أي عنف بدني أو نفسي أو جنسي خلال 12 شهراً، من بين جميع المستجيبين.',
  en: 'From the victimisation survey: respondents reporting any physical, psychological or sexual violence in 12 months, over all respondents.',
  es: 'De la encuesta de victimización: personas encuestadas que declaran violencia física, psicológica o sexual en 12 meses, sobre el total.',
  fr: "D'après l'enquête de victimation : répondants déclarant des violences physiques, psychologiques ou sexuelles sur 12 mois, sur l'ensemble.",
  ru: 'По виктимизационному опросу: респонденты, сообщившие о физическом, психологическом или сексуальном насилии за 12 месяцев, от всех.',
  zh: '来自受害调查：报告在12个月内遭受任何身体、心理或性暴力的受访者占全部受访者的比例。',
};
const violenceRule =
  'Respondents answering yes to any physical, psychological or sexual violence item for the last 12 months, over all ' +
  'respondents to the module (weighted).';

const safeNames = {
  ar: 'نسبة السكان الذين يشعرون بالأمان عند المشي بمفردهم في منطقتهم بعد حلول الظلام',
  en: 'Proportion of population that feel safe walking alone around the area they live after dark',
  es: 'Proporción de la población que se siente segura al caminar sola en su zona de residencia después del anochecer',
  fr: 'Proportion de la population qui se sent en sécurité en marchant seule dans son quartier après la tombée de la nuit',
  ru: 'Доля населения, чувствующего себя в безопасности, гуляя в одиночку в своём районе в тёмное время суток',
  zh: '天黑后独自在居住地区行走感到安全的人口比例',
};
const safeDescriptions = {
  ar: '(آمن جداً + آمن) على جميع المستجيبين؛ "لا أخرج وحدي أبداً" و"لا أعرف" يبقيان في المقام.',
  en: '(Very safe + safe) over all respondents; "never go out alone" and "don\'t know" stay in the denominator.',
  es: '(Muy seguro + seguro) sobre el total de personas encuestadas; "nunca sale sola" y "no sabe" quedan en el denominador.',
  fr: '(Très en sécurité + en sécurité) sur tous les répondants ; « ne sort jamais seul » et « ne sait pas » restent au dénominateur.',
  ru: '(Очень безопасно + безопасно) от всех респондентов; «никогда не выхожу один» и «не знаю» остаются в знаменателе.',
  zh: '（非常安全+安全）除以全部受访者；"从不独自外出"和"不知道"保留在分母中。',
};
const safeRule =
  'Numerator: answers "very safe" and "safe". Denominator: all respondents to the question, including "never go out ' +
  'alone after dark" and "don\'t know" (weighted).';

const reportingNames = {
  ar: 'نسبة ضحايا العنف في الأشهر الاثني عشر الماضية الذين أبلغوا الشرطة',
  en: 'Proportion of victims of violence in the previous 12 months who reported their victimization to the police',
  es: 'Proporción de víctimas de violencia en los 12 meses anteriores que denunciaron su victimización a la policía',
  fr: 'Proportion des victimes de violences au cours des 12 derniers mois ayant signalé les faits à la police',
  ru: 'Доля жертв насилия за последние 12 месяцев, сообщивших о случившемся в полицию',
  zh: '过去12个月暴力受害者中向警方报告的比例',
};
const reportingDescriptions = {
  ar: 'الضحايا الذين أبلغوا الشرطة عن آخر حادثة، من بين جميع ضحايا العنف في 12 شهراً.',
  en: 'Victims who reported the most recent incident to the police, over all victims of violence in 12 months.',
  es: 'Víctimas que denunciaron a la policía el incidente más reciente, sobre todas las víctimas de violencia en 12 meses.',
  fr: "Victimes ayant signalé l'incident le plus récent à la police, sur toutes les victimes de violences en 12 mois.",
  ru: 'Жертвы, сообщившие в полицию о последнем случае, от всех жертв насилия за 12 месяцев.',
  zh: '向警方报告最近一次事件的受害者占12个月内全部暴力受害者的比例。',
};
const reportingRule =
  'Counting rule: one answer per victim, about the most recent incident of violence in the last 12 months; a victim ' +
  'counts as reporting when that incident was reported to the police by the victim or by someone else. Denominator: ' +
  'respondents who were victims of violence in the last 12 months (weighted).';

const ipvNames = {
  ar: 'نسبة النساء والفتيات اللاتي سبق لهن الارتباط بشريك واللاتي تعرضن للعنف من شريك حالي أو سابق في الأشهر الاثني عشر الماضية',
  en: 'Proportion of ever-partnered women and girls subjected to violence by a current or former intimate partner in the previous 12 months',
  es: 'Proporción de mujeres y niñas que han tenido pareja y sufrieron violencia de su pareja actual o anterior en los 12 meses anteriores',
  fr: 'Proportion de femmes et de filles ayant déjà eu un partenaire victimes de violences de la part de leur partenaire actuel ou ancien au cours des 12 derniers mois',
  ru: 'Доля когда-либо имевших партнёра женщин и девочек, подвергавшихся насилию со стороны нынешнего или бывшего партнёра за последние 12 месяцев',
  zh: '过去12个月中遭受现任或前任亲密伴侣暴力的曾有伴侣的妇女和女童比例',
};
const ipvDescriptions = {
  ar: 'من وحدة العنف ضد المرأة في المسح، حيث توجد.',
  en: 'From the survey module on violence against women, where the survey carries it.',
  es: 'Del módulo de la encuesta sobre violencia contra las mujeres, cuando la encuesta lo incluye.',
  fr: "Du module de l'enquête sur les violences faites aux femmes, lorsque l'enquête le comporte.",
  ru: 'Из модуля опроса о насилии в отношении женщин, если он есть в опросе.',
  zh: '来自调查中关于暴力侵害妇女的模块（如有）。',
};

/** The built-in definitions; `iccs:<code>` is made on demand by `iccsIndicator`. */
export const builtInIndicators: readonly IndicatorDefinition[] = [
  {
    code: '16.1.1',
    framework: 'sdg',
    names: homicideNames,
    descriptions: homicideDescriptions,
    numerator: 'victims of intentional homicide (records coded ICCS 0101 and descendants), by source',
    denominator: 'resident population × years covered, per 100,000',
    unit: 'per_100000_per_year',
    by: recordBy,
    source: 'record',
    record: { iccs: '0101', bySource: true },
    rule: homicideRule,
  },
  surveyIndicator('16.1.3', 'sdg', violenceNames, violenceDescriptions, 'respondents subjected to violence in the last 12 months', 'all respondents', violenceRule),
  surveyIndicator('16.1.4', 'sdg', safeNames, safeDescriptions, 'respondents answering "very safe" or "safe"', 'all respondents, including "never go out alone" and "don\'t know"', safeRule),
  surveyIndicator('16.3.1', 'sdg', reportingNames, reportingDescriptions, 'victims who reported to the police', 'victims of violence in the last 12 months', reportingRule),
  surveyIndicator(
    '11.7.2',
    'sdg',
    {
      ar: 'نسبة الأشخاص ضحايا التحرش البدني أو الجنسي في الأشهر الاثني عشر الماضية',
      en: 'Proportion of persons victim of physical or sexual harassment in the previous 12 months',
      es: 'Proporción de personas víctimas de acoso físico o sexual en los 12 meses anteriores',
      fr: 'Proportion de personnes victimes de harcèlement physique ou sexuel au cours des 12 derniers mois',
      ru: 'Доля лиц, ставших жертвами физического или сексуального домогательства за последние 12 месяцев',
      zh: '过去12个月中遭受身体或性骚扰的人的比例',
    },
    {
      ar: 'حسب الجنس والعمر والإعاقة ومكان الحدوث.',
      en: 'By sex, age, disability and place of occurrence.',
      es: 'Por sexo, edad, discapacidad y lugar de ocurrencia.',
      fr: 'Par sexe, âge, handicap et lieu des faits.',
      ru: 'По полу, возрасту, инвалидности и месту происшествия.',
      zh: '按性别、年龄、残疾状况和发生地点分列。',
    },
    'respondents harassed physically or sexually in the last 12 months',
    'all respondents',
    'Respondents answering yes to any physical or sexual harassment item for the last 12 months, over all respondents (weighted); by place uses the place of the most recent incident.',
    ['unit', 'year', 'sex', 'age', 'disability', 'place'],
  ),
  surveyIndicator('5.2.1', 'sdg', ipvNames, ipvDescriptions, 'ever-partnered women and girls aged 15+ subjected to intimate partner violence in 12 months', 'ever-partnered women and girls aged 15+', 'Computed only where the survey carries the intimate-partner-violence module.', ['unit', 'year', 'age']),
  surveyIndicator(
    '5.2.2',
    'sdg',
    {
      ar: 'نسبة النساء والفتيات اللاتي تعرضن للعنف الجنسي من أشخاص غير الشريك الحميم في الأشهر الاثني عشر الماضية',
      en: 'Proportion of women and girls subjected to sexual violence by persons other than an intimate partner in the previous 12 months',
      es: 'Proporción de mujeres y niñas que sufrieron violencia sexual de personas distintas de su pareja en los 12 meses anteriores',
      fr: "Proportion de femmes et de filles victimes de violences sexuelles de la part d'une personne autre que leur partenaire au cours des 12 derniers mois",
      ru: 'Доля женщин и девочек, подвергавшихся сексуальному насилию со стороны лиц, не являющихся партнёром, за последние 12 месяцев',
      zh: '过去12个月中遭受非亲密伴侣性暴力的妇女和女童比例',
    },
    ipvDescriptions,
    'women and girls aged 15+ subjected to sexual violence by a non-partner in 12 months',
    'women and girls aged 15+',
    'Computed only where the survey carries the non-partner sexual violence module.',
    ['unit', 'year', 'age'],
  ),
  // UN-Habitat Urban Monitoring Framework (seeds/004 lists the names only; the definitions used here are those of
  // the SDG indicators the UMF draws on, stated in `rule`).
  {
    code: 'umf:5.1.1',
    framework: 'umf',
    names: ours({
      ar: 'ضحايا القتل العمد (إطار الرصد الحضري 5.1.1)',
      en: 'Victims of intentional homicide (UMF 5.1.1)',
      es: 'Víctimas de homicidio intencional (MMU 5.1.1)',
      fr: "Victimes d'homicide volontaire (CSU 5.1.1)",
      ru: 'Жертвы умышленных убийств (РМГ 5.1.1)',
      zh: '故意杀人案受害者（城市监测框架 5.1.1）',
    }),
    descriptions: homicideDescriptions,
    numerator: 'victims of intentional homicide (ICCS 0101 and descendants), by source',
    denominator: 'resident population × years covered, per 100,000',
    unit: 'per_100000_per_year',
    by: recordBy,
    source: 'record',
    record: { iccs: '0101', bySource: true },
    rule: `Definition used: that of SDG 16.1.1. ${homicideRule}`,
    sameAs: '16.1.1',
  },
  surveyIndicator(
    'umf:5.1.2',
    'umf',
    {
      ar: 'ضحايا العنف البدني والجنسي (إطار الرصد الحضري 5.1.2)',
      en: 'Victims of physical and sexual violence (UMF 5.1.2)',
      es: 'Víctimas de violencia física y sexual (MMU 5.1.2)',
      fr: 'Victimes de violences physiques et sexuelles (CSU 5.1.2)',
      ru: 'Жертвы физического и сексуального насилия (РМГ 5.1.2)',
      zh: '身体和性暴力的受害者（城市监测框架 5.1.2）',
    },
    violenceDescriptions,
    'respondents subjected to physical or sexual violence in the last 12 months',
    'all respondents',
    `Definition used: that of SDG 16.1.3 restricted to physical and sexual violence, from the survey. ${violenceRule}`,
    surveyBy,
    '16.1.3',
  ),
  surveyIndicator('umf:5.1.3', 'umf', { ...ipvNames, en: 'Intimate partner violence (UMF 5.1.3)' }, ipvDescriptions, 'as SDG 5.2.1', 'as SDG 5.2.1', 'Definition used: that of SDG 5.2.1, from the survey.', ['unit', 'year', 'age'], '5.2.1'),
  surveyIndicator('umf:5.1.4', 'umf', { ...reportingNames, en: 'Reporting of violence (UMF 5.1.4)' }, reportingDescriptions, 'as SDG 16.3.1', 'as SDG 16.3.1', `Definition used: that of SDG 16.3.1. ${reportingRule}`, surveyBy, '16.3.1'),
  surveyIndicator('umf:1.1.6', 'umf', { ...safeNames, en: 'Community safety (UMF 1.1.6)' }, safeDescriptions, 'as SDG 16.1.4', 'as SDG 16.1.4', `Definition used: that of SDG 16.1.4. ${safeRule}`, surveyBy, '16.1.4'),
];

/** `iccs:<code>`: the rate per 100,000 residents per year of a code and its descendants. */
export function iccsIndicator(code: string): IndicatorDefinition | undefined {
  if (!isIccsCode(code)) return undefined;
  const label = (lang: UnLanguage) => iccsLabel(code, lang)?.text ?? code;
  const names = Object.fromEntries(
    UN_LANGUAGES.map((l) => [l, { text: `ICCS ${code}: ${label(l)}`, status: 'unofficial' }]),
  ) as unknown as Texts;
  return {
    code: `iccs:${code}`,
    framework: 'iccs',
    names,
    descriptions: ours({
      ar: `معدل السجلات المصنفة ${code} وفروعها لكل 100,000 نسمة في السنة.`,
      en: `Records coded ${code} or a descendant, per 100,000 residents per year.`,
      es: `Registros con código ${code} o descendiente, por cada 100.000 residentes por año.`,
      fr: `Enregistrements codés ${code} ou un descendant, pour 100 000 résidents par an.`,
      ru: `Записи с кодом ${code} или дочерним, на 100 000 жителей в год.`,
      zh: `编码为 ${code} 或其下级类别的记录，每年每10万常住人口。`,
    }),
    numerator: `records coded ICCS ${code} and descendants (all sources)`,
    denominator: 'resident population × years covered, per 100,000',
    unit: 'per_100000_per_year',
    by: recordBy,
    source: 'record',
    record: { iccs: code, bySource: false },
    rule: `Records coded ICCS ${code} or a descendant, all sources pooled, per 100,000 residents per year; a period other than one year is scaled to a year.`,
  };
}

/** A custom indicator a city defines (stored per city). */
const textsSchema = z.object(Object.fromEntries(UN_LANGUAGES.map((l) => [l, z.string().max(300).optional()])) as Record<UnLanguage, z.ZodOptional<z.ZodString>>);

export const customIndicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be 1–40 lower-case letters, digits, dots, dashes or underscores'),
    names: textsSchema.refine((t) => Object.values(t).some((v) => v && v.trim() !== ''), 'needs a name in at least one language'),
    descriptions: textsSchema.optional(),
    source: z.enum(['record', 'survey']),
    iccs: iccsCodeSchema.optional(),
    question: z.object({ name: z.string().min(1).max(200), choices: z.array(z.string().min(1).max(200)).min(1) }).optional(),
    denominator: z.string().min(1).max(300),
  })
  .refine((c) => (c.source === 'record' ? c.iccs !== undefined : c.question !== undefined), {
    path: ['source'],
    message: 'a record indicator needs `iccs`, a survey indicator needs `question`',
  });

export type CustomIndicatorInput = z.output<typeof customIndicatorSchema>;

export const CUSTOM_PREFIX = 'city:';

export function customIndicator(c: CustomIndicatorInput): IndicatorDefinition {
  const fill = (t: Partial<Record<UnLanguage, string>> | undefined): Texts => {
    const fallback = Object.values(t ?? {}).find((v) => v && v.trim() !== '') ?? '';
    return Object.fromEntries(UN_LANGUAGES.map((l) => [l, { text: t?.[l] || fallback, status: 'unofficial' }])) as unknown as Texts;
  };
  const base = {
    code: `${CUSTOM_PREFIX}${c.code}`,
    framework: 'custom' as const,
    names: fill(c.names),
    descriptions: fill(c.descriptions ?? c.names),
    denominator: c.denominator,
  };
  if (c.source === 'record') {
    return {
      ...base,
      numerator: `records coded ICCS ${c.iccs} and descendants`,
      unit: 'per_100000_per_year',
      by: recordBy,
      source: 'record',
      record: { iccs: c.iccs!, bySource: false },
      rule: `Defined by the city: records coded ICCS ${c.iccs} or a descendant per 100,000 residents per year (${c.denominator}).`,
    };
  }
  return {
    ...base,
    numerator: `respondents answering ${c.question!.choices.join(' or ')} to ${c.question!.name}`,
    unit: 'percent',
    by: surveyBy,
    source: 'survey',
    survey: { code: 'custom', question: c.question! },
    rule: `Defined by the city: share of respondents answering ${c.question!.choices.join(' or ')} to "${c.question!.name}" (${c.denominator}).`,
  };
}

/** The definition of a code: built-in, `iccs:<code>`, or one of the city's custom ones. */
export function findIndicator(code: string, custom: readonly IndicatorDefinition[] = []): IndicatorDefinition | undefined {
  if (code.startsWith('iccs:')) return iccsIndicator(code.slice(5));
  return builtInIndicators.find((d) => d.code === code) ?? custom.find((d) => d.code === code);
}

/** The name in a language (English when the language is not one of the six). */
export function nameIn(def: IndicatorDefinition, lang: string): string {
  const l = (UN_LANGUAGES as readonly string[]).includes(lang) ? (lang as UnLanguage) : 'en';
  return def.names[l].text;
}
