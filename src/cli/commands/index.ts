import type { CommandDef } from '../defineCommand.ts';
import { batch } from './batch.ts';
import { check } from './check.ts';
import { init } from './init.ts';
import { render } from './render.ts';
import { schema } from './schema.ts';
import { serve } from './serve.ts';

/** Every command, in the order the general help lists them. */
export const COMMANDS: readonly CommandDef[] = [render, check, batch, init, schema, serve];
