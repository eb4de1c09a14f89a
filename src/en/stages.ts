import type { Stage } from '../pipeline.ts';

export const englishStages: Omit<Stage, 'when'>[] = [];
