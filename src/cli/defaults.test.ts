import { describe, expect, it } from 'vitest';
import { formats } from '../formats/index.js';
import { DEFAULT_SCANNERS } from '../scan.js';
import { DEFAULT_BASE_URL, DEFAULT_ECOSYSTEMS } from '../vuln/db/update.js';
import { DB_DEFAULT_BASE_URL, DB_DEFAULT_ECOSYSTEMS, DEFAULT_SCANNER_LIST, REPORT_FORMAT_IDS } from './defaults.js';

describe('the command definitions show the defaults of the modules they load later', () => {
  it('report formats', () => expect([...REPORT_FORMAT_IDS]).toEqual(formats.map((f) => f.id)));
  it('scanners', () => expect([...DEFAULT_SCANNER_LIST]).toEqual(DEFAULT_SCANNERS));
  it('vulnerability database update', () => {
    expect(DB_DEFAULT_BASE_URL).toBe(DEFAULT_BASE_URL);
    expect(DB_DEFAULT_ECOSYSTEMS).toEqual(DEFAULT_ECOSYSTEMS);
  });
});
