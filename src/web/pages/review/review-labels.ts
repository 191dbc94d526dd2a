// Translated labels of the review mechanism's fixed lists (generated from the catalogues; keep in step).
import { defineMessages } from 'react-intl';

export const statusLabels = defineMessages({
  not_started: { id: "review.status.not_started", defaultMessage: "Not started" },
  planned: { id: "review.status.planned", defaultMessage: "Planned" },
  partly: { id: "review.status.partly", defaultMessage: "Partly implemented" },
  largely: { id: "review.status.largely", defaultMessage: "Largely implemented" },
  fully: { id: "review.status.fully", defaultMessage: "Fully implemented" },
  not_applicable: { id: "review.status.not_applicable", defaultMessage: "Not applicable" },
});

export const sectionLabels = defineMessages({
  principles: { id: "review.section.principles", defaultMessage: "Principles" },
  organisation: { id: "review.section.organisation", defaultMessage: "Organisation" },
  methods: { id: "review.section.methods", defaultMessage: "Methods" },
  content: { id: "review.section.content", defaultMessage: "Content" },
  approaches: { id: "review.section.approaches", defaultMessage: "Approaches" },
});

export const confidentialityLabels = defineMessages({
  state: { id: "review.confidentiality.state", defaultMessage: "State only" },
  state_and_reviewers: { id: "review.confidentiality.state_and_reviewers", defaultMessage: "State and reviewers" },
  secretariat: { id: "review.confidentiality.secretariat", defaultMessage: "Secretariat" },
  public: { id: "review.confidentiality.public", defaultMessage: "Public" },
});

export const taTypeLabels = defineMessages({
  legal_advice: { id: "review.ta.type.legal_advice", defaultMessage: "Legal advice" },
  capacity_building: { id: "review.ta.type.capacity_building", defaultMessage: "Capacity-building and training" },
  data_and_statistics: { id: "review.ta.type.data_and_statistics", defaultMessage: "Data and statistics" },
  policy_development: { id: "review.ta.type.policy_development", defaultMessage: "Policy development" },
  institution_building: { id: "review.ta.type.institution_building", defaultMessage: "Institution-building" },
  exchange_of_experience: { id: "review.ta.type.exchange_of_experience", defaultMessage: "Exchange of experience" },
  equipment_and_technology: { id: "review.ta.type.equipment_and_technology", defaultMessage: "Equipment and technology" },
  financing: { id: "review.ta.type.financing", defaultMessage: "Financing" },
  other: { id: "review.ta.type.other", defaultMessage: "Other" },
});

export const stageLabels = defineMessages({
  self_assessment: { id: "review.stage.self_assessment", defaultMessage: "Self-assessment" },
  desk_review: { id: "review.stage.desk_review", defaultMessage: "Desk review" },
  dialogue: { id: "review.stage.dialogue", defaultMessage: "Dialogue" },
  report: { id: "review.stage.report", defaultMessage: "Report" },
  approval: { id: "review.stage.approval", defaultMessage: "Approval" },
  publication: { id: "review.stage.publication", defaultMessage: "Publication" },
});

export const participationLabels = defineMessages({
  requested: { id: "review.participation.requested", defaultMessage: "Requested" },
  approved: { id: "review.participation.approved", defaultMessage: "Approved by the Board" },
  withdrawn: { id: "review.participation.withdrawn", defaultMessage: "Withdrawn" },
});

export const checklistStatusLabels = defineMessages({
  draft: { id: "review.checklistStatus.draft", defaultMessage: "Draft" },
  submitted: { id: "review.checklistStatus.submitted", defaultMessage: "Submitted, waiting for clearance" },
  cleared: { id: "review.checklistStatus.cleared", defaultMessage: "Cleared by the focal point" },
});
