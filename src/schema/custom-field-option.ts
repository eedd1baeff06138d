import { builder } from '../builder.js';
import type { CustomFieldOption } from '../model/custom-field.js';

/** A choice of a LIST field; its query and mutations are in custom-field.ts. */
export const CustomFieldOptionType = builder
  .objectRef<CustomFieldOption>('CustomFieldOption')
  .implement({
    description: 'One choice of a LIST custom field.',
    fields: (t) => ({
      id: t.exposeID('id', { description: "The vendor's own id of the option (not a global id)." }),
      value: t.exposeString('value', { description: 'The value stored when it is chosen.' }),
      label: t.exposeString('label', { nullable: true, description: 'The label shown for it.' }),
      description: t.exposeString('description', {
        nullable: true,
        description: 'What the option means.',
      }),
      createdAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the option was created.',
        resolve: (option) => option.createdAt,
      }),
      updatedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the option last changed.',
        resolve: (option) => option.updatedAt,
      }),
    }),
  });
