import type { Person } from '../core/actor';
import { createContext } from '../core/context';
import type { Tx } from '../db/client';
import type { DemoContext } from './index';

/** A domain function's context inside a demo part's transaction, acting as `person`. */
export const acting = (demo: DemoContext, tx: Tx, person: Person) => createContext(tx, person, demo);
