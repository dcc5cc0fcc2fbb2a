import type { PlanRecord } from '../../../../src/shared/contracts/plans.js';
import { humanize } from '../../lib/format.js';

export type { PlanRecord };
export type Plan = PlanRecord['plan'];
export type Analysis = PlanRecord['analysis'];
export type PlanStage = Plan['stages'][number];
export type PlanQuestion = PlanStage['questions'][number];
export type AnalysisSkill = Analysis['skills'][number];

/** Names for the ids a plan refers to: question titles and stage names come with the plan's stages. */
export interface PlanNames {
  question: (id: string) => string;
  stage: (id: string) => string;
}

export function planNames(plan: Plan): PlanNames {
  const questions = new Map<string, string>();
  const stages = new Map<string, string>();
  for (const stage of plan.stages) {
    stages.set(stage.stage, stage.name);
    for (const q of stage.questions) questions.set(q.id, q.title);
  }
  return {
    question: (id) => questions.get(id) ?? humanize(id.split('/').pop() ?? id),
    stage: (id) => stages.get(id) ?? humanize(id),
  };
}

export const stageAnchor = (stage: string): string => `plan-stage-${stage}`;
