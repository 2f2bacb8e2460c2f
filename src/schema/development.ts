// content/developments.json: coverage grouped by development (pipeline/group.ts computes it on
// every ingest run). The pipeline validates with this before writing; the site reads it with it.
import { z } from 'zod';
import { articleId } from './article.ts';

export const developmentSchema = z.object({
  /** The earliest report's article id. */
  id: articleId,
  /** Report ids, earliest first (reprints fold under these on the site, as elsewhere). */
  articles: z.array(articleId).min(1),
  /** The editor's reasons, when corrections.yaml merged or split this development. */
  notes: z.array(z.string()).default([]),
});
export type DevelopmentRecord = z.infer<typeof developmentSchema>;

export const developmentsFileSchema = z.object({
  /** Hash of what the grouping read: an unchanged input is not regrouped. */
  input: z.string(),
  developments: z.array(developmentSchema),
});
export type DevelopmentsFile = z.infer<typeof developmentsFileSchema>;

export const DEVELOPMENTS_FILE = 'developments.json';
