/**
 * Shared configuration through @lit/context: `<hearth-provider>` provides a backend to every hearth
 * element inside it; elements consume it unless their own `api` or `.backend` is set.
 */
import { createContext } from '@lit/context';
import type { HearthBackend } from './backend.js';

export const backendContext = createContext<HearthBackend | undefined>(Symbol.for('hearth.backend'));
