import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error';

/** One message naming the field of each issue, e.g. `name: Too big: expected string to have <=200 characters`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const field = i.path.length ? i.path.join('.') : i.code === 'unrecognized_keys' ? 'body' : 'body';
      const keys = i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : '';
      return `${field}: ${i.message}${keys}`;
    })
    .join('; ');
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('VALIDATION_FAILED', describeZodError(result.error));
  return result.data;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Attaches OpenAPI metadata from inside a parameter decorator, where the method is at hand. */
function documentMethod(target: object, key: string | symbol | undefined, decorator: MethodDecorator) {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) decorator(target, key, descriptor);
}

// The schema travels wrapped: Nest would take a bare zod schema (it has a `transform` method) for a pipe.
const bodyParam = createParamDecorator((data: { zod: z.ZodType }, ctx: ExecutionContext) =>
  parseOrThrow(data.zod, ctx.switchToHttp().getRequest<FastifyRequest>().body ?? {}),
);
const queryParam = createParamDecorator((data: { zod: z.ZodType }, ctx: ExecutionContext) =>
  parseOrThrow(data.zod, ctx.switchToHttp().getRequest<FastifyRequest>().query ?? {}),
);

/** `@ZodBody(Schema) body: T`: validates the body with the shared schema and documents it in OpenAPI. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    bodyParam({ zod: schema })(target, key, index);
    documentMethod(target, key, ApiBody({ schema: jsonSchema(schema) as never }));
  };
}

/** `@ZodQuery(Schema) query: T`: validates the query string. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    queryParam({ zod: schema })(target, key, index);
    for (const name of Object.keys(schema.shape)) {
      documentMethod(target, key, ApiQuery({ name, required: false }));
    }
  };
}

const UUID = z.uuid(); // built once: a schema per request showed in the profile of every read

/** A UUID path parameter; anything else is a 404 (no such thing), not a database error. */
export const UuidParam = createParamDecorator((name: string, ctx: ExecutionContext) => {
  const params = ctx.switchToHttp().getRequest<FastifyRequest>().params as Record<string, string>;
  const value = params[name];
  if (!UUID.safeParse(value).success) throw new DomainError('NOT_FOUND', `${name} not found`);
  return value;
});
