import { z } from 'zod';

const answerSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.looseObject({ message: z.string() })).optional(),
});

export interface Timed {
  ms: number;
  data: unknown;
  text: string;
}

/** One GraphQL POST, timed from send to the last byte read; GraphQL errors throw. */
export async function postGraphQL(url: string, body: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const answer = answerSchema.parse(JSON.parse(text));
  if (response.status !== 200 || answer.errors?.length)
    throw new Error(
      `gateway answered ${response.status}: ${answer.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200)}`,
    );
  return { ms, data: answer.data, text };
}
