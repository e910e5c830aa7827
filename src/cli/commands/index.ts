import type { CommandDef } from '../defineCommand.ts';
import { batch } from './batch.ts';
import { check } from './check.ts';
import { enqueue } from './enqueue.ts';
import { init } from './init.ts';
import { queue } from './queue.ts';
import { render } from './render.ts';
import { schema } from './schema.ts';
import { serve } from './serve.ts';
import { worker } from './worker.ts';

/** Every command, in the order the general help lists them. */
export const COMMANDS: readonly CommandDef[] = [render, check, batch, init, schema, serve, worker, enqueue, queue];
