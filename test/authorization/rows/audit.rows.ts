import { only, type MatrixRow } from '../matrix.js';

export const auditRows: MatrixRow[] = [{ method: 'GET', path: '/api/audit', expect: only(['admin'], 200) }];
