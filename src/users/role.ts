/** `partner`: a partner institution's coordinator, bound to that institution (`users.institution_id`). */
export const ROLES = ['student', 'advisor', 'coordinator', 'editor', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const STUDY_LEVELS = ['bachelor', 'master', 'doctorate'] as const;
export type StudyLevel = (typeof STUDY_LEVELS)[number];
