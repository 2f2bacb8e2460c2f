// The stage of a dispute step from the role its sentence plays (content/config/dispute-roles.yaml):
// a buyer's complaint, the company's response, a regulator or court, an outcome. Pure.
import { parse } from 'yaml';
import { z } from 'zod';

const stageRule = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  actors: z.array(z.string().min(1)).default([]),
  actions: z.array(z.string().min(1)).min(1),
  /** With actors: the most characters between an actor's end and an action. */
  within: z.number().int().nonnegative().default(8),
}).strict();
export const disputeRolesSchema = z.object({
  stages: z.array(stageRule).min(1),
  /** The order a reader expects the stages in (the rules' order is their priority). */
  readingOrder: z.array(z.string().min(1)).default([]),
}).strict();
export type DisputeRoles = z.infer<typeof disputeRolesSchema>;

export function parseDisputeRoles(text: string, file = 'dispute-roles.yaml'): DisputeRoles {
  const result = disputeRolesSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The first rule the sentence matches (see dispute-roles.yaml); none: the sentence plays no role. */
export function roleOf(sentence: string, roles: DisputeRoles): { id: string; label: string } | undefined {
  for (const rule of roles.stages) {
    if (!rule.actions.some((w) => sentence.includes(w))) continue;
    if (rule.actors.length > 0 && !actorActs(sentence, rule.actors, rule.actions, rule.within)) continue;
    return { id: rule.id, label: rule.label };
  }
  return undefined;
}

/** An actor named, then one of the actions within `within` characters: the actor is the one acting. */
function actorActs(sentence: string, actors: string[], actions: string[], within: number): boolean {
  for (const actor of actors) {
    for (let i = sentence.indexOf(actor); i >= 0; i = sentence.indexOf(actor, i + 1)) {
      const after = sentence.slice(i + actor.length, i + actor.length + within + 4);
      if (actions.some((w) => { const j = after.indexOf(w); return j >= 0 && j <= within; })) return true;
    }
  }
  return false;
}

/** The stages in reading order, for labels and legends. */
export function stagesInReadingOrder(roles: DisputeRoles): { id: string; label: string }[] {
  const rank = (id: string) => { const i = roles.readingOrder.indexOf(id); return i < 0 ? roles.readingOrder.length : i; };
  return [...roles.stages].sort((a, b) => rank(a.id) - rank(b.id)).map((s) => ({ id: s.id, label: s.label }));
}
