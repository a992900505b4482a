export { classifyTitle } from './classify-title';
export type { ClassifiedBuyingRole, JobFunction, Seniority, TitleClassification } from './types';
