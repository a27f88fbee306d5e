// The ProgramData folder from SHGetKnownFolderPath, not from the environment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { programDataFolder } from './known-folders';
import { wineVersion } from './system';

describe('known folders', () => {
  test('ProgramData is an absolute folder that exists', async () => {
    const folder = programDataFolder();
    assert.match(folder, /^[A-Za-z]:\\[^\\]/);
    const fs = await import('node:fs');
    assert.ok(fs.statSync(folder).isDirectory());
    if (wineVersion() !== null) assert.equal(folder, 'C:\\ProgramData', "Wine's prefix keeps it at C:\\ProgramData");
  });

  test('does not follow %ProgramData% or %ALLUSERSPROFILE%', () => {
    const real = programDataFolder();
    const saved = { ProgramData: process.env.ProgramData, ALLUSERSPROFILE: process.env.ALLUSERSPROFILE };
    try {
      // node's process.env writes go to SetEnvironmentVariableW: the process environment really changes.
      process.env.ProgramData = 'C:\\Users\\Public\\Squat';
      process.env.ALLUSERSPROFILE = 'C:\\Users\\Public\\Squat';
      assert.equal(programDataFolder(), real);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    if (saved.ProgramData) assert.equal(real.toLowerCase(), saved.ProgramData.toLowerCase(), 'agrees with an untampered environment');
  });
});
