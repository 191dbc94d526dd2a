import { z } from 'zod';
import type { UnLanguage } from '../reference/un-languages.ts';

/**
 * The national peer-review proposal (seeds/002 para 14) on a versioned template the secretariat can edit. The
 * platform starts with version 1 below; a new version is a new row, never an edit of a used one.
 */
export const PROPOSAL_FIELD_KINDS = ['text', 'sections', 'cities', 'languages', 'consent'] as const;
export type ProposalFieldKind = (typeof PROPOSAL_FIELD_KINDS)[number];

export const proposalTemplateFieldSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: z.enum(PROPOSAL_FIELD_KINDS),
  label: z.object({ ar: z.string().min(1), en: z.string().min(1), es: z.string().min(1), fr: z.string().min(1), ru: z.string().min(1), zh: z.string().min(1) }),
});
export const proposalTemplateSchema = z.object({ fields: z.array(proposalTemplateFieldSchema).min(1).max(60) });
export type ProposalTemplateField = z.infer<typeof proposalTemplateFieldSchema>;
export type ProposalTemplate = { version: number; fields: ProposalTemplateField[] };

const f = (id: string, kind: ProposalFieldKind, label: Record<UnLanguage, string>): ProposalTemplateField => ({ id, kind, label });

export const PROPOSAL_TEMPLATE_V1: ProposalTemplate = {
  version: 1,
  fields: [
    f('focal_points', 'text', { ar: 'جهات الاتصال وبياناتها', en: 'Focal points and contacts', es: 'Coordinadores y contactos', fr: 'Points focaux et contacts', ru: 'Координаторы и контакты', zh: '联络人和联系方式' }),
    f('scope', 'sections', { ar: 'النطاق المطلوب (أجزاء المبادئ التوجيهية)', en: 'Scope requested (parts of the guidelines)', es: 'Alcance solicitado (partes de las directrices)', fr: 'Portée demandée (parties des lignes directrices)', ru: 'Запрашиваемый охват (части руководящих принципов)', zh: '申请的范围（准则的部分）' }),
    f('national_context', 'text', { ar: 'السياق الوطني (التحضر، وحالة السلامة، والسياسات السارية)', en: 'National context (urbanisation, safety situation, policies in force)', es: 'Contexto nacional (urbanización, situación de seguridad, políticas vigentes)', fr: 'Contexte national (urbanisation, situation de sécurité, politiques en vigueur)', ru: 'Национальный контекст (урбанизация, положение с безопасностью, действующая политика)', zh: '国家背景（城市化、安全状况、现行政策）' }),
    f('institutions', 'text', { ar: 'المؤسسات المسؤولة على المستويين الوطني والمحلي', en: 'Institutions responsible at national and local level', es: 'Instituciones responsables a nivel nacional y local', fr: 'Institutions responsables aux niveaux national et local', ru: 'Ответственные учреждения на национальном и местном уровнях', zh: '国家和地方各级负责机构' }),
    f('cities', 'cities', { ar: 'المدن المشاركة', en: 'Cities taking part', es: 'Ciudades participantes', fr: 'Villes participantes', ru: 'Участвующие города', zh: '参与的城市' }),
    f('data_available', 'text', { ar: 'البيانات المتاحة', en: 'Data available', es: 'Datos disponibles', fr: 'Données disponibles', ru: 'Имеющиеся данные', zh: '现有数据' }),
    f('languages', 'languages', { ar: 'لغات الاستعراض', en: 'Languages of the review', es: 'Idiomas del examen', fr: "Langues de l'examen", ru: 'Языки обзора', zh: '审查语文' }),
    f('timeline', 'text', { ar: 'الجدول الزمني المقترح', en: 'Proposed timeline', es: 'Calendario propuesto', fr: 'Calendrier proposé', ru: 'Предлагаемые сроки', zh: '拟议时间表' }),
    f('technical_assistance', 'text', { ar: 'المساعدة التقنية المطلوبة', en: 'Technical assistance sought', es: 'Asistencia técnica solicitada', fr: 'Assistance technique demandée', ru: 'Запрашиваемая техническая помощь', zh: '寻求的技术援助' }),
    f('publication_consent', 'consent', { ar: 'الموافقة على النشر', en: 'Publication consent', es: 'Consentimiento de publicación', fr: 'Consentement à la publication', ru: 'Согласие на публикацию', zh: '同意发布' }),
  ],
};

/** A proposal's content: field id → value. Texts, section ids, city slugs, language codes, or a consent flag. */
export const proposalContentSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  z.union([z.string().max(20000), z.array(z.string().max(100)).max(100), z.boolean()]),
);
export type ProposalContent = z.infer<typeof proposalContentSchema>;

/** Field ids in the content that the template does not have (named in the error). */
export function unknownProposalFields(template: ProposalTemplate, content: ProposalContent): string[] {
  const ids = new Set(template.fields.map((x) => x.id));
  return Object.keys(content).filter((k) => !ids.has(k));
}
