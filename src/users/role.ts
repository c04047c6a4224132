export const ROLES = ['student', 'advisor', 'coordinator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STUDY_LEVELS = ['bachelor', 'master', 'doctorate'] as const;
export type StudyLevel = (typeof STUDY_LEVELS)[number];
