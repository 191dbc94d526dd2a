/**
 * Writes the standard modules XLSForm (KoBoToolbox/ODK) in the six UN languages and its mapping file:
 *   npx tsx scripts/make-survey-form.ts
 * Outputs forms/safer-cities-standard-modules.xlsx and forms/safer-cities-standard-modules.mapping.json (committed).
 * The translations are our own and unofficial until verified.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const langs = ['English (en)', 'Français (fr)', 'Español (es)', 'Русский (ru)', 'العربية (ar)', '中文 (zh)'] as const;
type T = readonly [string, string, string, string, string, string];

type Row = { type: string; name: string; label?: T; hint?: T; required?: boolean; relevant?: string; appearance?: string; constraint?: string };

const survey: Row[] = [
  { type: 'start', name: 'start' },
  { type: 'end', name: 'end' },
  { type: 'today', name: 'today' },
  {
    type: 'note',
    name: 'intro',
    label: [
      'Thank you for taking part. Your answers are confidential and are only used for statistics about safety in your city.',
      "Merci de votre participation. Vos réponses sont confidentielles et servent uniquement à établir des statistiques sur la sécurité dans votre ville.",
      'Gracias por participar. Sus respuestas son confidenciales y solo se utilizan para elaborar estadísticas sobre la seguridad en su ciudad.',
      'Спасибо за участие. Ваши ответы конфиденциальны и используются только для статистики о безопасности в вашем городе.',
      'شكرًا لمشاركتك. إجاباتك سرية ولا تُستخدم إلا لإعداد إحصاءات عن السلامة في مدينتك.',
      '感谢您的参与。您的回答将予以保密，仅用于您所在城市的安全统计。',
    ],
  },
  { type: 'begin_group', name: 'respondent', label: ['About you', 'À propos de vous', 'Sobre usted', 'О вас', 'عنك', '关于您'] },
  { type: 'select_one sex', name: 'sex', required: true, label: ['What is your sex?', 'Quel est votre sexe ?', '¿Cuál es su sexo?', 'Ваш пол?', 'ما جنسك؟', '您的性别是？'] },
  {
    type: 'integer',
    name: 'age',
    required: true,
    constraint: '. >= 15 and . <= 120',
    label: ['How old are you, in completed years?', 'Quel âge avez-vous, en années révolues ?', '¿Cuántos años cumplidos tiene?', 'Сколько вам полных лет?', 'كم عمرك بالسنوات الكاملة؟', '您的周岁年龄是多少？'],
  },
  {
    type: 'select_one yes_no',
    name: 'disability',
    label: [
      'Do you have a disability or a long-term health condition that limits your daily activities?',
      'Avez-vous un handicap ou un problème de santé de longue durée qui limite vos activités quotidiennes ?',
      '¿Tiene alguna discapacidad o problema de salud de larga duración que limite sus actividades diarias?',
      'Есть ли у вас инвалидность или длительное заболевание, ограничивающее вашу повседневную деятельность?',
      'هل لديك إعاقة أو حالة صحية طويلة الأمد تحدّ من أنشطتك اليومية؟',
      '您是否有限制日常活动的残疾或长期健康问题？',
    ],
  },
  {
    type: 'text',
    name: 'unit',
    label: [
      'Code of the neighbourhood (administrative unit) where you live',
      'Code du quartier (unité administrative) où vous habitez',
      'Código del barrio (unidad administrativa) donde vive',
      'Код района (административной единицы), где вы живёте',
      'رمز الحي (الوحدة الإدارية) الذي تسكن فيه',
      '您居住的街区（行政单元）代码',
    ],
  },
  {
    type: 'geopoint',
    name: 'location',
    label: [
      'Location of the interview',
      "Lieu de l'entretien",
      'Lugar de la entrevista',
      'Место проведения интервью',
      'مكان إجراء المقابلة',
      '访谈地点',
    ],
  },
  { type: 'end_group', name: '' },
  { type: 'begin_group', name: 'safety', label: ['Feeling safe', 'Sentiment de sécurité', 'Sensación de seguridad', 'Чувство безопасности', 'الشعور بالأمان', '安全感'] },
  {
    type: 'select_one safe_dark',
    name: 'safe_after_dark',
    required: true,
    label: [
      'How safe do you feel walking alone in your area after dark?',
      'Dans quelle mesure vous sentez-vous en sécurité lorsque vous marchez seul(e) dans votre quartier après la tombée de la nuit ?',
      '¿Qué tan seguro/a se siente al caminar solo/a por su zona después del anochecer?',
      'Насколько безопасно вы чувствуете себя, гуляя в одиночку в своём районе после наступления темноты?',
      'ما مدى شعورك بالأمان عند المشي بمفردك في منطقتك بعد حلول الظلام؟',
      '天黑后独自在您所在地区步行时，您感到有多安全？',
    ],
  },
  { type: 'end_group', name: '' },
  {
    type: 'begin_group',
    name: 'violence',
    label: ['Violence in the last 12 months', 'Violences au cours des 12 derniers mois', 'Violencia en los últimos 12 meses', 'Насилие за последние 12 месяцев', 'العنف خلال الأشهر الاثني عشر الماضية', '过去12个月遭受的暴力'],
  },
  {
    type: 'select_one yes_no',
    name: 'physical',
    required: true,
    label: [
      'In the last 12 months, has anyone hit, slapped, pushed, kicked or otherwise physically attacked you?',
      "Au cours des 12 derniers mois, quelqu'un vous a-t-il frappé(e), giflé(e), poussé(e), donné des coups de pied ou agressé(e) physiquement d'une autre manière ?",
      'En los últimos 12 meses, ¿alguien le ha golpeado, abofeteado, empujado, pateado o agredido físicamente de otra forma?',
      'За последние 12 месяцев кто-нибудь бил вас, давал пощёчину, толкал, пинал или иным образом физически нападал на вас?',
      'خلال الأشهر الاثني عشر الماضية، هل قام أحد بضربك أو صفعك أو دفعك أو ركلك أو الاعتداء عليك جسديًا بأي شكل آخر؟',
      '在过去12个月里，是否有人打过、扇过、推过、踢过您或以其他方式对您进行过身体攻击？',
    ],
  },
  {
    type: 'select_one yes_no',
    name: 'psychological',
    required: true,
    label: [
      'In the last 12 months, has anyone threatened, insulted or intimidated you in a way that frightened you?',
      "Au cours des 12 derniers mois, quelqu'un vous a-t-il menacé(e), insulté(e) ou intimidé(e) au point de vous faire peur ?",
      'En los últimos 12 meses, ¿alguien le ha amenazado, insultado o intimidado de una manera que le diera miedo?',
      'За последние 12 месяцев кто-нибудь угрожал вам, оскорблял или запугивал вас так, что вам было страшно?',
      'خلال الأشهر الاثني عشر الماضية، هل قام أحد بتهديدك أو إهانتك أو ترهيبك بطريقة أخافتك؟',
      '在过去12个月里，是否有人以令您感到害怕的方式威胁、辱骂或恐吓过您？',
    ],
  },
  {
    type: 'select_one yes_no',
    name: 'sexual',
    required: true,
    label: [
      'In the last 12 months, has anyone forced you, or tried to force you, into any sexual act against your will?',
      "Au cours des 12 derniers mois, quelqu'un vous a-t-il forcé(e) ou tenté de vous forcer à un acte sexuel contre votre volonté ?",
      'En los últimos 12 meses, ¿alguien le ha obligado o ha intentado obligarle a realizar algún acto sexual en contra de su voluntad?',
      'За последние 12 месяцев кто-нибудь принуждал вас или пытался принудить к сексуальным действиям против вашей воли?',
      'خلال الأشهر الاثني عشر الماضية، هل أجبرك أحد أو حاول إجبارك على أي فعل جنسي رغمًا عنك؟',
      '在过去12个月里，是否有人违背您的意愿强迫或试图强迫您发生任何性行为？',
    ],
  },
  {
    type: 'select_one yes_no',
    name: 'reported_police',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: XLSForm's own ${question} reference syntax
    relevant: "${physical} = 'yes' or ${psychological} = 'yes' or ${sexual} = 'yes'",
    label: [
      'Did you or anyone else report the most recent of these incidents to the police?',
      "Vous-même ou quelqu'un d'autre avez-vous signalé le plus récent de ces incidents à la police ?",
      '¿Usted u otra persona denunció ante la policía el más reciente de estos incidentes?',
      'Вы или кто-то другой сообщали в полицию о последнем из этих случаев?',
      'هل أبلغتَ أنت أو شخص آخر الشرطة بآخر هذه الحوادث؟',
      '您或其他人是否向警方报告了其中最近一次事件？',
    ],
  },
  { type: 'end_group', name: '' },
  {
    type: 'begin_group',
    name: 'harassment',
    label: ['Harassment in the last 12 months', 'Harcèlement au cours des 12 derniers mois', 'Acoso en los últimos 12 meses', 'Домогательства за последние 12 месяцев', 'التحرش خلال الأشهر الاثني عشر الماضية', '过去12个月遭受的骚扰'],
  },
  {
    type: 'select_one yes_no',
    name: 'physical_harassment',
    required: true,
    label: [
      'In the last 12 months, has anyone grabbed, blocked, followed or touched you in a way that made you feel threatened?',
      "Au cours des 12 derniers mois, quelqu'un vous a-t-il agrippé(e), bloqué le passage, suivi(e) ou touché(e) d'une manière qui vous a fait vous sentir menacé(e) ?",
      'En los últimos 12 meses, ¿alguien le ha agarrado, cerrado el paso, seguido o tocado de una manera que le hizo sentir amenazado/a?',
      'За последние 12 месяцев кто-нибудь хватал вас, преграждал путь, преследовал или трогал так, что вы почувствовали угрозу?',
      'خلال الأشهر الاثني عشر الماضية، هل أمسك بك أحد أو اعترض طريقك أو تتبّعك أو لمسك بطريقة جعلتك تشعر بالتهديد؟',
      '在过去12个月里，是否有人以令您感到受威胁的方式抓住、拦住、跟踪或触碰过您？',
    ],
  },
  {
    type: 'select_one yes_no',
    name: 'sexual_harassment',
    required: true,
    label: [
      'In the last 12 months, has anyone made unwanted sexual comments, gestures or advances towards you?',
      "Au cours des 12 derniers mois, quelqu'un vous a-t-il adressé des commentaires, des gestes ou des avances à caractère sexuel non désirés ?",
      'En los últimos 12 meses, ¿alguien le ha dirigido comentarios, gestos o insinuaciones sexuales no deseados?',
      'За последние 12 месяцев кто-нибудь обращался к вам с нежелательными комментариями, жестами или предложениями сексуального характера?',
      'خلال الأشهر الاثني عشر الماضية، هل وجّه إليك أحد تعليقات أو إيماءات أو تلميحات جنسية غير مرغوب فيها؟',
      '在过去12个月里，是否有人对您发表过不受欢迎的性评论、做出性暗示手势或性挑逗？',
    ],
  },
  {
    type: 'select_multiple place',
    name: 'harassment_place',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: XLSForm's own ${question} reference syntax
    relevant: "${physical_harassment} = 'yes' or ${sexual_harassment} = 'yes'",
    label: [
      'Where did it happen? Select all that apply.',
      "Où cela s'est-il produit ? Sélectionnez toutes les réponses qui s'appliquent.",
      '¿Dónde ocurrió? Seleccione todas las opciones que correspondan.',
      'Где это произошло? Выберите все подходящие варианты.',
      'أين حدث ذلك؟ اختر كل ما ينطبق.',
      '发生在哪里？请选择所有适用项。',
    ],
  },
  { type: 'end_group', name: '' },
];

const choices: { list: string; name: string; label: T }[] = [
  { list: 'sex', name: 'female', label: ['Female', 'Femme', 'Mujer', 'Женский', 'أنثى', '女'] },
  { list: 'sex', name: 'male', label: ['Male', 'Homme', 'Hombre', 'Мужской', 'ذكر', '男'] },
  { list: 'sex', name: 'other', label: ['Other', 'Autre', 'Otro', 'Другой', 'آخر', '其他'] },
  { list: 'sex', name: 'prefer_not', label: ['Prefer not to say', 'Je préfère ne pas répondre', 'Prefiero no decirlo', 'Предпочитаю не отвечать', 'أفضّل عدم الإجابة', '不愿透露'] },
  { list: 'yes_no', name: 'yes', label: ['Yes', 'Oui', 'Sí', 'Да', 'نعم', '是'] },
  { list: 'yes_no', name: 'no', label: ['No', 'Non', 'No', 'Нет', 'لا', '否'] },
  { list: 'yes_no', name: 'dont_know', label: ["Don't know", 'Ne sait pas', 'No sabe', 'Не знаю', 'لا أعرف', '不知道'] },
  { list: 'yes_no', name: 'refused', label: ['Refused to answer', 'Refus de répondre', 'Se niega a responder', 'Отказ от ответа', 'رفض الإجابة', '拒绝回答'] },
  { list: 'safe_dark', name: 'very_safe', label: ['Very safe', 'Très en sécurité', 'Muy seguro/a', 'В полной безопасности', 'آمن جدًا', '非常安全'] },
  { list: 'safe_dark', name: 'safe', label: ['Safe', 'En sécurité', 'Seguro/a', 'В безопасности', 'آمن', '安全'] },
  { list: 'safe_dark', name: 'unsafe', label: ['Unsafe', 'En insécurité', 'Inseguro/a', 'Небезопасно', 'غير آمن', '不安全'] },
  { list: 'safe_dark', name: 'very_unsafe', label: ['Very unsafe', 'Très en insécurité', 'Muy inseguro/a', 'Совсем небезопасно', 'غير آمن على الإطلاق', '非常不安全'] },
  {
    list: 'safe_dark',
    name: 'never_alone',
    label: ['I never go out alone at night', 'Je ne sors jamais seul(e) la nuit', 'Nunca salgo solo/a de noche', 'Я никогда не выхожу одна/один ночью', 'لا أخرج بمفردي ليلًا أبدًا', '我晚上从不独自外出'],
  },
  { list: 'safe_dark', name: 'dont_know', label: ["Don't know", 'Ne sait pas', 'No sabe', 'Не знаю', 'لا أعرف', '不知道'] },
  { list: 'place', name: 'street', label: ['Street or square', 'Rue ou place', 'Calle o plaza', 'Улица или площадь', 'الشارع أو الساحة', '街道或广场'] },
  {
    list: 'place',
    name: 'public_transport',
    label: ['Public transport or a stop', 'Transports en commun ou arrêt', 'Transporte público o parada', 'Общественный транспорт или остановка', 'وسائل النقل العام أو محطة', '公共交通工具或站点'],
  },
  { list: 'place', name: 'market', label: ['Market or shop', 'Marché ou commerce', 'Mercado o tienda', 'Рынок или магазин', 'السوق أو المتجر', '市场或商店'] },
  { list: 'place', name: 'park', label: ['Park or open space', 'Parc ou espace ouvert', 'Parque o espacio abierto', 'Парк или открытое пространство', 'حديقة أو مساحة مفتوحة', '公园或空地'] },
  { list: 'place', name: 'school', label: ['School or university', 'École ou université', 'Escuela o universidad', 'Школа или университет', 'المدرسة أو الجامعة', '学校或大学'] },
  { list: 'place', name: 'workplace', label: ['Workplace', 'Lieu de travail', 'Lugar de trabajo', 'Место работы', 'مكان العمل', '工作场所'] },
  { list: 'place', name: 'home', label: ['Home', 'Domicile', 'Hogar', 'Дом', 'المنزل', '家中'] },
  { list: 'place', name: 'online', label: ['Online', 'En ligne', 'En línea', 'В интернете', 'عبر الإنترنت', '网上'] },
  { list: 'place', name: 'other', label: ['Elsewhere', 'Ailleurs', 'En otro lugar', 'В другом месте', 'مكان آخر', '其他地方'] },
];

export const standardMapping = {
  design: {},
  respondent: {
    date: 'today',
    sex: { question: 'respondent/sex', choices: { female: 'female', male: 'male', other: 'other', prefer_not: 'unknown' } },
    age: { question: 'respondent/age' },
    disability: { question: 'respondent/disability', yes: ['yes'], missing: ['refused'] },
    unit: { question: 'respondent/unit' },
  },
  modules: {
    safety_after_dark: {
      question: 'safety/safe_after_dark',
      choices: { very_safe: 'very_safe', safe: 'safe', unsafe: 'unsafe', very_unsafe: 'very_unsafe', never_alone: 'never_alone', dont_know: 'dont_know' },
    },
    violence: {
      physical: { question: 'violence/physical', yes: ['yes'], missing: ['refused'] },
      psychological: { question: 'violence/psychological', yes: ['yes'], missing: ['refused'] },
      sexual: { question: 'violence/sexual', yes: ['yes'], missing: ['refused'] },
    },
    reported_to_police: { question: 'violence/reported_police', yes: ['yes'], missing: ['refused'] },
    harassment: {
      physical: { question: 'harassment/physical_harassment', yes: ['yes'], missing: ['refused'] },
      sexual: { question: 'harassment/sexual_harassment', yes: ['yes'], missing: ['refused'] },
      places: {
        question: 'harassment/harassment_place',
        choices: Object.fromEntries(choices.filter((c) => c.list === 'place').map((c) => [c.name, c.name])),
      },
    },
  },
};

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Safer Cities Platform';
  wb.created = new Date(Date.UTC(2026, 10, 25));
  const s = wb.addWorksheet('survey');
  s.addRow(['type', 'name', ...langs.map((l) => `label::${l}`), 'required', 'relevant', 'constraint', 'appearance']);
  for (const r of survey) {
    s.addRow([r.type, r.name, ...(r.label ?? ['', '', '', '', '', '']), r.required ? 'yes' : '', r.relevant ?? '', r.constraint ?? '', r.appearance ?? '']);
  }
  const c = wb.addWorksheet('choices');
  c.addRow(['list_name', 'name', ...langs.map((l) => `label::${l}`)]);
  for (const x of choices) c.addRow([x.list, x.name, ...x.label]);
  const st = wb.addWorksheet('settings');
  st.addRow(['form_title', 'form_id', 'version', 'default_language', 'style']);
  st.addRow(['Safer Cities: standard safety modules (unofficial translations)', 'safer_cities_standard_modules', '2026112501', 'English (en)', 'pages']);
  const out = new URL('../forms/', import.meta.url);
  const buffer = await wb.xlsx.writeBuffer();
  writeFileSync(new URL('safer-cities-standard-modules.xlsx', out), Buffer.from(buffer));
  writeFileSync(new URL('safer-cities-standard-modules.mapping.json', out), `${JSON.stringify(standardMapping, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
