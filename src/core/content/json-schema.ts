/** JSON Schemas for editors, generated from the zod content model (the front matter of each kind of file). */
import { z } from 'zod';
import { orgGuideFrontMatterSchema, orgQuestionFrontMatterSchema } from './org-content.js';
import { questionFrontMatterSchema, roleGuideFrontMatterSchema } from './schema.js';

export function contentJsonSchemas(): Record<string, string> {
  const render = (title: string, schema: z.ZodType, body: string, source = 'src/core/content/schema.ts'): string =>
    `${JSON.stringify(
      {
        ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
        title,
        description: `Front matter of a Loopcoach ${title.toLowerCase()} file. The Markdown body holds the ${body}. Generated from ${source} by "npm run content:schema"; do not edit.`,
      },
      null,
      2,
    )}\n`;
  return {
    'question.schema.json': render('Question', questionFrontMatterSchema, 'model answer'),
    'role.schema.json': render('Role guide', roleGuideFrontMatterSchema, 'overview'),
    // An organization's own (`loopcoach own add`, POST /api/org/…/markdown): `slug` instead of `id`.
    'org-question.schema.json': render('Organization question', orgQuestionFrontMatterSchema, 'model answer', 'src/core/content/org-content.ts'),
    'org-role.schema.json': render('Organization role guide', orgGuideFrontMatterSchema, 'overview', 'src/core/content/org-content.ts'),
  };
}
