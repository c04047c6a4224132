import type { ReferenceDataStep } from '../reference-data-step.js';
import { catalogueStep } from './catalogue.step.js';
import { visitArticleStep } from './visit-article.step.js';

/** Steps in the order they run; a step may rely on the rows of those before it. */
export const REFERENCE_DATA_STEPS: ReferenceDataStep[] = [catalogueStep, visitArticleStep];
