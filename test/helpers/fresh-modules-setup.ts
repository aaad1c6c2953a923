// Vitest setup file (run before each test file): forgets every module the previous file in this worker evaluated, so each file starts from fresh src/ and test/ module state while the worker process is reused (isolate: false).
import { vi } from 'vitest';

vi.resetModules();
