// Reader-facing Chinese labels for fixed vocabularies.
import { DISPUTE_STAGES, type DisputeStage } from '../schema/article.ts';

export const STAGE_LABELS: Record<DisputeStage, string> = {
  complaint: '投诉',
  response: '回应',
  policy: '政策调整',
  outcome: '结果',
};

export const STAGES: readonly DisputeStage[] = DISPUTE_STAGES;

export function stageLabel(stage: string): string {
  return (STAGE_LABELS as Record<string, string>)[stage] ?? stage;
}
