import type { UnLanguage } from '../reference/un-languages.ts';

/**
 * The self-assessment checklist, version 1: one question per principle of the guidelines (HSP/HA/1/2/Add.3, paras
 * 10–22), per paragraph of the organisation part (23–24), per cluster of the knowledge-based process (25 (a)–(d)), per
 * cluster of the content (26 (a)–(c) and financing) and per paragraph of the approaches (27–28). Each question cites its
 * paragraph. The texts are our own, written from the Chinese text of the guidelines (seeds/000) and translated by us
 * into the other five languages: all six are unofficial until a person verifies them.
 */
export type QuestionText = Readonly<Record<UnLanguage, string>>;
export type QuestionSeed = { id: string; section: SectionId; paragraph: string; text: QuestionText };

export const SECTION_IDS = ['principles', 'organisation', 'methods', 'content', 'approaches'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_PARAGRAPHS: Readonly<Record<SectionId, string>> = {
  principles: '10–22',
  organisation: '23–24',
  methods: '25',
  content: '26',
  approaches: '27–28',
};

const q = (id: string, section: SectionId, paragraph: string, t: QuestionText): QuestionSeed => ({ id, section, paragraph, text: t });

export const QUESTIONS_V1: readonly QuestionSeed[] = [
  q('p10', 'principles', '10', {
    ar: 'هل تقوم استراتيجيات سلامة المدن وأمنها على حقوق الإنسان وسيادة القانون، وتعالج العنف والتعصب والفساد؟',
    en: 'Are urban safety and security strategies based on human rights and the rule of law, and do they address violence, intolerance and corruption?',
    es: '¿Se basan las estrategias de seguridad urbana en los derechos humanos y el estado de derecho, y abordan la violencia, la intolerancia y la corrupción?',
    fr: "Les stratégies de sécurité urbaine reposent-elles sur les droits de l'homme et l'état de droit, et traitent-elles la violence, l'intolérance et la corruption ?",
    ru: 'Основаны ли стратегии городской безопасности на правах человека и верховенстве права и направлены ли они против насилия, нетерпимости и коррупции?',
    zh: '城市安全和保障战略是否以人权为基础、尊重法治，并处理暴力、缺乏宽容和腐败问题？',
  }),
  q('p11', 'principles', '11', {
    ar: 'ما التدابير المتخذة لإشراك جميع السكان، ولا سيما النساء والفتيات والأطفال والشباب والفئات الضعيفة، في قرارات السلامة الحضرية؟',
    en: 'What measures include all residents — in particular women and girls, children and youth and vulnerable groups — in decisions on urban safety?',
    es: '¿Qué medidas incluyen a todos los residentes —en particular mujeres y niñas, niños y jóvenes y grupos vulnerables— en las decisiones sobre seguridad urbana?',
    fr: "Quelles mesures associent tous les habitants — en particulier les femmes et les filles, les enfants et les jeunes et les groupes vulnérables — aux décisions de sécurité urbaine ?",
    ru: 'Какие меры обеспечивают участие всех жителей, прежде всего женщин и девочек, детей и молодёжи и уязвимых групп, в решениях о городской безопасности?',
    zh: '采取了哪些措施让所有居民，特别是妇女和女孩、儿童和青年以及弱势群体参与城市安全决策？',
  }),
  q('p12', 'principles', '12', {
    ar: 'هل تُقيَّم المخاطر والآثار السلبية غير المقصودة لتدخلات السلامة قبل تنفيذها وأثناءه (مبدأ عدم الإضرار)؟',
    en: 'Are the risks and unintended negative effects of safety interventions assessed before and during implementation (do no harm)?',
    es: '¿Se evalúan los riesgos y los efectos negativos no deseados de las intervenciones de seguridad antes y durante su ejecución (no causar daño)?',
    fr: "Les risques et les effets négatifs involontaires des interventions de sécurité sont-ils évalués avant et pendant leur mise en œuvre (ne pas nuire) ?",
    ru: 'Оцениваются ли риски и непреднамеренные негативные последствия мер безопасности до и во время их осуществления (принцип «не навреди»)?',
    zh: '是否在执行安全干预措施之前和期间评估其风险和意外负面影响（避免造成伤害）？',
  }),
  q('p13', 'principles', '13', {
    ar: 'كيف تقود الحكومة على جميع المستويات وضع استراتيجيات سلامة حضرية قائمة على الأدلة وتضع أطرًا مؤسسية لتنفيذها ومراجعتها؟',
    en: 'How does government at every level lead evidence-based urban safety strategies and maintain institutional frameworks for their implementation and review?',
    es: '¿Cómo lidera el gobierno, en todos los niveles, estrategias de seguridad urbana basadas en datos y mantiene marcos institucionales para su ejecución y examen?',
    fr: "Comment les pouvoirs publics, à tous les niveaux, pilotent-ils des stratégies de sécurité urbaine fondées sur des données et maintiennent-ils un cadre institutionnel pour leur mise en œuvre et leur examen ?",
    ru: 'Как органы власти всех уровней руководят разработкой основанных на фактических данных стратегий городской безопасности и поддерживают институциональные рамки для их осуществления и обзора?',
    zh: '各级政府如何领导制定循证的城市安全战略，并为其执行和审查建立和维持体制框架？',
  }),
  q('p14', 'principles', '14', {
    ar: 'هل فُوِّضت سياسات السلامة إلى المستوى المحلي، مع موارد مالية مخصصة لأدنى مستوى حكومي؟',
    en: 'Have safety policies been decentralised to the local level, with financial resources allocated to the lowest level of government?',
    es: '¿Se han descentralizado las políticas de seguridad al nivel local, con recursos financieros asignados al nivel de gobierno más bajo?',
    fr: "Les politiques de sécurité ont-elles été décentralisées au niveau local, avec des ressources financières allouées au niveau d'administration le plus bas ?",
    ru: 'Децентрализована ли политика безопасности до местного уровня с выделением финансовых ресурсов самому низовому уровню управления?',
    zh: '安全和保障政策是否已下放到地方一级，并将财政资源分配给最低级别的政府？',
  }),
  q('p15', 'principles', '15', {
    ar: 'كيف تنسق الحكومات المحلية تحالفات أصحاب المصلحة (الأعمال التجارية والمجتمعات المحلية) لوضع استراتيجيات السلامة وتنفيذها؟',
    en: 'How do local governments coordinate coalitions of stakeholders (business, communities) to develop and implement safety strategies?',
    es: '¿Cómo coordinan los gobiernos locales coaliciones de partes interesadas (empresas, comunidades) para elaborar y aplicar estrategias de seguridad?',
    fr: "Comment les collectivités locales coordonnent-elles des coalitions de parties prenantes (entreprises, communautés) pour élaborer et appliquer les stratégies de sécurité ?",
    ru: 'Как местные органы власти координируют коалиции заинтересованных сторон (бизнес, общины) для разработки и осуществления стратегий безопасности?',
    zh: '地方政府如何协调利益攸关方联盟（企业、社区行为体）来制定和执行安全战略？',
  }),
  q('p16', 'principles', '16', {
    ar: 'هل تغطي الاستراتيجيات كامل نطاق الولاية الإدارية للمدينة، بما فيه الأطراف والضواحي، وتشمل قطاعات متعددة؟',
    en: "Do strategies cover the city's whole administrative area, including its fringes and peri-urban settlements, and span several sectors?",
    es: '¿Abarcan las estrategias todo el territorio administrativo de la ciudad, incluidas sus periferias y asentamientos periurbanos, y varios sectores?',
    fr: "Les stratégies couvrent-elles tout le territoire administratif de la ville, y compris ses franges et les établissements périurbains, et plusieurs secteurs ?",
    ru: 'Охватывают ли стратегии всю административную территорию города, включая окраины и пригородные поселения, и несколько секторов?',
    zh: '战略是否覆盖城市的整个行政管辖范围（包括城市边缘和城郊住区），并贯穿多个领域？',
  }),
  q('p17', 'principles', '17', {
    ar: 'هل أُدمجت السلامة في التخطيط الحضري الاستراتيجي وصنع القرار وتقديم الخدمات؟',
    en: 'Is safety integrated into strategic urban planning, decision-making and the delivery of services?',
    es: '¿Está la seguridad integrada en la planificación urbana estratégica, la toma de decisiones y la prestación de servicios?',
    fr: "La sécurité est-elle intégrée dans la planification urbaine stratégique, la prise de décision et la prestation des services ?",
    ru: 'Интегрирована ли безопасность в стратегическое городское планирование, принятие решений и предоставление услуг?',
    zh: '安全是否已纳入战略性城市规划、决策进程和服务提供？',
  }),
  q('p18', 'principles', '18', {
    ar: 'هل تستند السياسات إلى تقييم شامل للمدينة، وبيانات مصنفة، وقاعدة معارف للممارسات الجيدة، مع تكييفها مع الأحياء؟',
    en: 'Are policies based on a comprehensive assessment of the city, disaggregated data and a knowledge base of good practices, adapted to neighbourhoods?',
    es: '¿Se basan las políticas en una evaluación integral de la ciudad, datos desglosados y una base de conocimientos de buenas prácticas, adaptadas a los barrios?',
    fr: "Les politiques reposent-elles sur une évaluation complète de la ville, des données ventilées et une base de connaissances des bonnes pratiques, adaptées aux quartiers ?",
    ru: 'Основана ли политика на всесторонней оценке города, дезагрегированных данных и базе знаний о передовой практике с учётом особенностей районов?',
    zh: '政策是否以对城市的全面评估、分类数据和良好做法知识库为基础，并根据居民区情况加以调整？',
  }),
  q('p19', 'principles', '19', {
    ar: 'ما الشراكات القائمة بين مستويات الحكومة والمنظمات المجتمعية والمنظمات غير الحكومية وقطاع الأعمال والسكان للإنتاج المشترك للسلامة؟',
    en: 'What partnerships exist between levels of government, community organisations, NGOs, business and residents to co-produce safety?',
    es: '¿Qué alianzas existen entre los niveles de gobierno, las organizaciones comunitarias, las ONG, las empresas y los residentes para coproducir seguridad?',
    fr: "Quels partenariats existent entre les niveaux de gouvernement, les organisations communautaires, les ONG, les entreprises et les habitants pour coproduire la sécurité ?",
    ru: 'Какие партнёрства существуют между уровнями власти, общественными организациями, НПО, бизнесом и жителями для совместного обеспечения безопасности?',
    zh: '各级政府、社区组织、非政府组织、商业部门和居民之间建立了哪些共同建设安全的伙伴关系？',
  }),
  q('p20', 'principles', '20', {
    ar: 'كيف يُشرَك الأطفال والشباب في جميع المراحل، من تقييم الاحتياجات إلى التخطيط والتنفيذ والرصد؟',
    en: 'How are children and youth involved at every stage, from needs assessment to planning, implementation and monitoring?',
    es: '¿Cómo participan los niños y los jóvenes en todas las etapas, desde la evaluación de necesidades hasta la planificación, la ejecución y el seguimiento?',
    fr: "Comment les enfants et les jeunes sont-ils associés à chaque étape, de l'évaluation des besoins à la planification, à la mise en œuvre et au suivi ?",
    ru: 'Как дети и молодёжь участвуют на всех этапах — от оценки потребностей до планирования, осуществления и мониторинга?',
    zh: '如何让儿童和青年参与从需求评估到规划、执行和监测的所有阶段？',
  }),
  q('p21', 'principles', '21', {
    ar: 'هل تتوفر استثمارات مالية مستدامة من الحكومات الوطنية والإقليمية والمحلية للوقاية المحلية، مع آليات مساءلة واضحة؟',
    en: 'Is there sustained financial investment by national, regional and local government in local prevention, with clear accountability mechanisms?',
    es: '¿Existe una inversión financiera sostenida de los gobiernos nacional, regional y local en la prevención local, con mecanismos claros de rendición de cuentas?',
    fr: "Existe-t-il un investissement financier durable des administrations nationales, régionales et locales dans la prévention locale, avec des mécanismes clairs de responsabilité ?",
    ru: 'Имеются ли устойчивые финансовые вложения национальных, региональных и местных органов власти в профилактику на местах и чёткие механизмы подотчётности?',
    zh: '国家、区域和地方政府是否为地方预防行动提供持续的财政投资，并建立明确的问责机制？',
  }),
  q('p22', 'principles', '22', {
    ar: 'ما الخطوات التدريجية المتخذة لتحقيق السلامة الحضرية في حدود الموارد المتاحة، دون المساس بالإنجازات السابقة وحقوق الإنسان الأساسية؟',
    en: 'What progressive steps are taken to realise urban safety within available resources, without undermining earlier achievements and basic human rights?',
    es: '¿Qué pasos progresivos se dan para lograr la seguridad urbana con los recursos disponibles, sin menoscabar los logros anteriores ni los derechos humanos básicos?',
    fr: "Quelles étapes progressives sont franchies pour réaliser la sécurité urbaine dans la limite des ressources disponibles, sans compromettre les acquis ni les droits fondamentaux ?",
    ru: 'Какие последовательные шаги предпринимаются для обеспечения городской безопасности в пределах имеющихся ресурсов без ущерба для прежних достижений и основных прав человека?',
    zh: '在现有资源范围内采取了哪些循序渐进的步骤实现城市安全，而不损害先前的成就和基本人权？',
  }),
  q('o23', 'organisation', '23 (a)–(d)', {
    ar: 'كيف تعزز الحكومة الوطنية قدرات الحكومات المحلية، وتدمج السلامة في الخطط القطاعية، وتنسق السياسة الحضرية الوطنية مع سياسة منع الجريمة، وتعطي الأولوية للتمويل؟',
    en: 'How does national government strengthen local governments’ capacity, mainstream safety in sector plans, align the national urban policy with crime-prevention policy and prioritise funding?',
    es: '¿Cómo refuerza el gobierno nacional la capacidad de los gobiernos locales, integra la seguridad en los planes sectoriales, armoniza la política urbana nacional con la de prevención del delito y prioriza la financiación?',
    fr: "Comment l'État renforce-t-il les capacités des collectivités locales, intègre-t-il la sécurité dans les plans sectoriels, aligne-t-il la politique urbaine nationale sur la politique de prévention de la criminalité et donne-t-il la priorité au financement ?",
    ru: 'Как национальное правительство укрепляет потенциал местных органов власти, учитывает безопасность в отраслевых планах, согласует национальную городскую политику с политикой предупреждения преступности и обеспечивает приоритетное финансирование?',
    zh: '国家政府如何加强地方政府的能力、将安全纳入各部门计划、协调国家城市政策与预防犯罪政策，并优先提供资金？',
  }),
  q('o24', 'organisation', '24 (a)–(h)', {
    ar: 'هل لدى الحكومات المحلية مركز تنسيق للسلامة، وسياسة واستراتيجية ذات أولويات وموارد، وتنسيق بين الإدارات، وشراكات مع المجتمع المدني والعدالة الجنائية؟',
    en: 'Do local governments have a safety coordination centre, a policy and a strategy with priorities and resources, coordination across departments, and partnerships with civil society and criminal justice?',
    es: '¿Cuentan los gobiernos locales con un centro de coordinación de la seguridad, una política y una estrategia con prioridades y recursos, coordinación entre departamentos y alianzas con la sociedad civil y la justicia penal?',
    fr: "Les collectivités locales disposent-elles d'un centre de coordination de la sécurité, d'une politique et d'une stratégie dotées de priorités et de ressources, d'une coordination entre services et de partenariats avec la société civile et la justice pénale ?",
    ru: 'Есть ли у местных органов власти координационный центр по безопасности, политика и стратегия с приоритетами и ресурсами, координация между ведомствами и партнёрства с гражданским обществом и системой уголовного правосудия?',
    zh: '地方政府是否设有安全协调中心，制定了具有优先事项和资源的政策和战略，实现了部门间协调，并与民间社会和刑事司法系统建立了伙伴关系？',
  }),
  q('m25a', 'methods', '25 (a)', {
    ar: 'هل يُجرى تشخيص منتظم على مستوى المدينة يستخدم سجلات الشرطة والمستشفيات مصنفة حسب المنطقة والجنس والعمر، وتحليلًا مرجعيًا جغرافيًا على أدنى وحدة إدارية، وبيانات عن التصورات؟',
    en: 'Is there a regular city-wide diagnosis using police and hospital records by area, sex and age, geo-referenced analysis at the lowest administrative unit, and perception data?',
    es: '¿Se realiza un diagnóstico periódico de toda la ciudad con registros policiales y hospitalarios por zona, sexo y edad, análisis georreferenciado en la unidad administrativa más baja y datos de percepción?',
    fr: "Un diagnostic régulier de toute la ville est-il établi à partir des registres de police et des hôpitaux par zone, sexe et âge, d'une analyse géoréférencée à l'unité administrative la plus fine et de données de perception ?",
    ru: 'Проводится ли регулярная общегородская диагностика с использованием данных полиции и больниц в разбивке по районам, полу и возрасту, геопривязанного анализа на уровне низовой административной единицы и данных о восприятии?',
    zh: '是否定期开展全市诊断，利用按地区、性别和年龄分列的警察和医院记录、最低行政单位的地理参照分析以及看法数据？',
  }),
  q('m25b', 'methods', '25 (b)', {
    ar: 'هل توجد أطر كفاءات وتدريب للممارسين، وتعلّم بين المدن، وقائمة بالممارسات الفعالة والواعدة؟',
    en: 'Are there competence frameworks and training for practitioners, learning between cities, and an inventory of effective and promising practices?',
    es: '¿Existen marcos de competencias y formación para los profesionales, aprendizaje entre ciudades y un inventario de prácticas eficaces y prometedoras?',
    fr: "Existe-t-il des référentiels de compétences et des formations pour les praticiens, des échanges entre villes et un inventaire des pratiques efficaces et prometteuses ?",
    ru: 'Имеются ли рамки компетенций и обучение для специалистов, обмен опытом между городами и перечень эффективных и перспективных практик?',
    zh: '是否为从业人员制定了能力框架和培训，促进城市间学习，并整合了有效和有望成功的做法清单？',
  }),
  q('m25c', 'methods', '25 (c)', {
    ar: 'هل يوجد إطار لرصد السلامة الحضرية يتتبع نتائج السلامة والإيذاء وتصوراته ومحدداته عبر مؤشرات المدينة؟',
    en: 'Is there an urban safety monitoring framework that tracks safety outcomes, victimisation and its perception, and their determinants through city indicators?',
    es: '¿Existe un marco de seguimiento de la seguridad urbana que siga los resultados de seguridad, la victimización y su percepción, y sus determinantes mediante indicadores de la ciudad?',
    fr: "Existe-t-il un cadre de suivi de la sécurité urbaine qui mesure les résultats de sécurité, la victimisation et sa perception, et leurs déterminants au moyen d'indicateurs de la ville ?",
    ru: 'Существует ли система мониторинга городской безопасности, отслеживающая результаты, виктимизацию и её восприятие, а также их факторы с помощью городских показателей?',
    zh: '是否建立了城市安全监测框架，通过城市指标跟踪安全成果、受害情况及其看法和决定因素？',
  }),
  q('m25d', 'methods', '25 (d)', {
    ar: 'هل يوجد فريق تقني متعدد القطاعات، وإدارة للمعارف، وتقييم للتدخلات، واستخدام مسؤول لتكنولوجيا المعلومات والاتصالات يحترم الخصوصية؟',
    en: 'Is there a multi-sector technical team, knowledge management, evaluation of interventions, and responsible use of ICT that respects privacy?',
    es: '¿Existe un equipo técnico multisectorial, gestión del conocimiento, evaluación de las intervenciones y un uso responsable de las TIC que respete la privacidad?',
    fr: "Existe-t-il une équipe technique multisectorielle, une gestion des connaissances, une évaluation des interventions et un usage responsable des TIC respectueux de la vie privée ?",
    ru: 'Имеются ли многоотраслевая техническая группа, управление знаниями, оценка мер и ответственное использование ИКТ с соблюдением неприкосновенности частной жизни?',
    zh: '是否设有多部门技术小组，开展知识管理和干预措施评价，并负责任地使用尊重隐私的信息和通信技术？',
  }),
  q('c26a', 'content', '26 (a)', {
    ar: 'ما تدابير الوقاية الأولية والثانوية والثالثية المطبقة (الوقاية الاجتماعية والظرفية والمجتمعية)؟',
    en: 'What primary, secondary and tertiary prevention measures are in place (social, situational and community-based prevention)?',
    es: '¿Qué medidas de prevención primaria, secundaria y terciaria se aplican (prevención social, situacional y comunitaria)?',
    fr: "Quelles mesures de prévention primaire, secondaire et tertiaire sont en place (prévention sociale, situationnelle et communautaire) ?",
    ru: 'Какие меры первичной, вторичной и третичной профилактики применяются (социальная, ситуационная и общинная профилактика)?',
    zh: '实施了哪些第一、二、三级预防措施（社会预防、情景预防和以社区为基础的预防）？',
  }),
  q('c26b', 'content', '26 (b)', {
    ar: 'كيف يدعم نظام العدالة السلامة: الوصول إلى العدالة ومساعدة الضحايا، والعدالة التصالحية، والشرطة المجتمعية، والثقة بالشرطة ومساءلتها؟',
    en: 'How does the justice system support safety: access to justice and victim assistance, restorative justice, community-oriented policing, trust in and accountability of the police?',
    es: '¿Cómo apoya el sistema de justicia la seguridad: acceso a la justicia y asistencia a las víctimas, justicia restaurativa, policía de proximidad, confianza en la policía y rendición de cuentas?',
    fr: "Comment le système judiciaire soutient-il la sécurité : accès à la justice et aide aux victimes, justice réparatrice, police de proximité, confiance dans la police et responsabilité de celle-ci ?",
    ru: 'Как система правосудия способствует безопасности: доступ к правосудию и помощь потерпевшим, реституционное правосудие, ориентированная на общину полиция, доверие к полиции и её подотчётность?',
    zh: '司法系统如何支持安全：获得司法救助和受害者援助、恢复性司法、面向社区的警务、对警察的信任和问责？',
  }),
  q('c26c', 'content', '26 (c) (a)–(b)', {
    ar: 'هل يراعي التخطيط الحضري والتشريعات السلامة (المساحات العامة، والتنقل، والنقل العام الآمن، وحماية البيانات، والإبلاغ عن الاستثمار في السلامة لكل فرد)؟',
    en: 'Do urban planning and legislation take safety into account (public space, mobility, safe public transport, data protection, reporting of per-capita investment in safety)?',
    es: '¿Tienen en cuenta la planificación urbana y la legislación la seguridad (espacio público, movilidad, transporte público seguro, protección de datos, información sobre la inversión per cápita en seguridad)?',
    fr: "L'urbanisme et la législation tiennent-ils compte de la sécurité (espace public, mobilité, transports publics sûrs, protection des données, déclaration de l'investissement par habitant dans la sécurité) ?",
    ru: 'Учитывают ли градостроительство и законодательство безопасность (общественные пространства, мобильность, безопасный общественный транспорт, защита данных, отчётность о подушевых инвестициях в безопасность)?',
    zh: '城市规划和立法是否考虑到安全（公共空间、出行、安全的公共交通、数据保护、按人均报告安全投资）？',
  }),
  q('c26d', 'content', '26 (c) (c)', {
    ar: 'كيف تُموَّل السلامة الحضرية: الإيرادات البلدية، والميزنة التشاركية، والشراكات بين القطاعين العام والخاص، وتحليل التكلفة والعائد؟',
    en: 'How is urban safety financed: municipal revenue, participatory budgeting, public–private partnerships, cost–benefit analysis?',
    es: '¿Cómo se financia la seguridad urbana: ingresos municipales, presupuestos participativos, alianzas público-privadas, análisis de costo-beneficio?',
    fr: "Comment la sécurité urbaine est-elle financée : recettes municipales, budgets participatifs, partenariats public-privé, analyse coûts-avantages ?",
    ru: 'Как финансируется городская безопасность: муниципальные доходы, бюджетирование с участием граждан, государственно-частные партнёрства, анализ затрат и выгод?',
    zh: '城市安全如何筹资：市政收入、参与性预算编制、公私伙伴关系、成本效益分析？',
  }),
  q('a27', 'approaches', '27', {
    ar: 'هل تراعي الاستراتيجيات الروابط بين غايات السلامة في الهدف 11 من أهداف التنمية المستدامة والغايات المتعلقة بالسلامة في الأهداف 1 و3 و4 و5 و8 و10 و16؟',
    en: 'Do strategies consider the links between the safety targets of SDG 11 and the safety-related targets of Goals 1, 3, 4, 5, 8, 10 and 16?',
    es: '¿Tienen en cuenta las estrategias los vínculos entre las metas de seguridad del ODS 11 y las metas relacionadas con la seguridad de los Objetivos 1, 3, 4, 5, 8, 10 y 16?',
    fr: "Les stratégies tiennent-elles compte des liens entre les cibles de sécurité de l'ODD 11 et les cibles liées à la sécurité des objectifs 1, 3, 4, 5, 8, 10 et 16 ?",
    ru: 'Учитывают ли стратегии связи между задачами ЦУР 11 в области безопасности и связанными с безопасностью задачами целей 1, 3, 4, 5, 8, 10 и 16?',
    zh: '战略是否考虑到可持续发展目标 11 中的安全具体目标与目标 1、3、4、5、8、10 和 16 下与安全有关的具体目标之间的联系？',
  }),
  q('a28', 'approaches', '28 (a)–(f)', {
    ar: 'ما النُّهج المعتمدة: المجتمعية (النساء، والشباب، والأشخاص ذوو الإعاقة، والشعوب الأصلية، والمهاجرون)، والشراكة مع القطاع الخاص، والشمول لكامل المدينة، والقائمة على الحقوق، والقائمة على الأدلة، والنُّظُمية؟',
    en: 'Which approaches are used: community-based (women, youth, persons with disabilities, indigenous peoples, migrants), private-sector partnership, city-wide, rights-based, evidence-based, systems-based?',
    es: '¿Qué enfoques se aplican: comunitario (mujeres, jóvenes, personas con discapacidad, pueblos indígenas, migrantes), alianza con el sector privado, de toda la ciudad, basado en derechos, basado en datos, sistémico?',
    fr: "Quelles approches sont suivies : communautaire (femmes, jeunes, personnes handicapées, peuples autochtones, migrants), partenariat avec le secteur privé, à l'échelle de la ville, fondée sur les droits, fondée sur les données, systémique ?",
    ru: 'Какие подходы применяются: общинный (женщины, молодёжь, инвалиды, коренные народы, мигранты), партнёрство с частным сектором, общегородской, правозащитный, основанный на фактических данных, системный?',
    zh: '采用了哪些办法：以社区为基础（妇女、青年、残疾人、土著人民、移民）、私营部门伙伴关系、全市范围、以权利为基础、循证、以系统为基础的办法？',
  }),
];
