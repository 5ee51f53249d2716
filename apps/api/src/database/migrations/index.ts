import { Init1795943678504 } from './1795943678504-Init';

/** Every migration in order; listed explicitly so that jest and the compiled app load the same set. */
export const MIGRATIONS: Function[] = [Init1795943678504];
