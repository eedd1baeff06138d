import { z } from 'zod';

const dashboardSchema = z.object({
  calls: z.object({
    edges: z.array(
      z.object({
        node: z.looseObject({
          contact: z.looseObject({}).nullable(),
          problems: z.array(z.looseObject({})).nullable(),
        }),
      }),
    ),
  }),
});

export interface DashboardShape {
  calls: number;
  withContact: number;
  problems: number;
}

/** What both clients must agree on, so the comparison is of the same data. */
export function gatewayShape(data: unknown): DashboardShape {
  const nodes = dashboardSchema.parse(data).calls.edges.map((edge) => edge.node);
  return {
    calls: nodes.length,
    withContact: nodes.filter((node) => node.contact !== null).length,
    problems: nodes.reduce((sum, node) => sum + (node.problems?.length ?? 0), 0),
  };
}

export function directShape(
  rows: ReadonlyArray<{ contact: unknown; problems: readonly unknown[] }>,
): DashboardShape {
  return {
    calls: rows.length,
    withContact: rows.filter((row) => row.contact !== null).length,
    problems: rows.reduce((sum, row) => sum + row.problems.length, 0),
  };
}
