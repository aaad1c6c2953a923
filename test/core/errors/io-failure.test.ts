// Covers the one errno → words, retryability and advice mapping: ENOSPC and EACCES advice, write and input-read errors built from it.
import { describe, expect, it } from 'vitest';
import { classifyIoError, inputReadError, ioWriteError } from '../../../src/core/errors/io-failure.js';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: something`), { code });

describe('classifyIoError', () => {
  it.each([
    ['ENOSPC', 'no space left on the device', false, 'retry will not help until space is freed'],
    ['EDQUOT', 'disk quota exceeded', false, 'retry will not help until space is freed'],
    ['EACCES', 'permission denied', false, 'fix permissions, then retry'],
    ['EPERM', 'operation not permitted', false, 'fix permissions, then retry'],
    ['EISDIR', 'it is a directory', false, 'retrying will not help: name a file, not a directory'],
    ['ENOENT', 'no such file or directory', false, 'retrying will not help: fix the path'],
    ['EIO', 'I/O error', true, 'safe to retry; check the disk if it happens again'],
    ['EAGAIN', 'resource temporarily unavailable', true, 'safe to retry'],
  ])('%s: %s, retryable %s, "%s"', (code, what, retryable, advice) => {
    expect(classifyIoError(errno(code))).toEqual({ errno: code, what, retryable, advice });
  });

  it('keeps the message of an errno it does not know, as a retryable hiccup', () => {
    expect(classifyIoError(errno('EWEIRD'))).toEqual({ errno: 'EWEIRD', what: 'EWEIRD: something', retryable: true, advice: 'safe to retry' });
    expect(classifyIoError(new Error('boom'))).toEqual({ errno: 'unknown', what: 'boom', retryable: true, advice: 'safe to retry' });
  });
});

describe('ioWriteError and inputReadError', () => {
  it('a write error carries the code, the words, the errno and the advice', () => {
    const e = ioWriteError('E_REPORT_WRITE', 'the report to /tmp/r.json', errno('ENOSPC'));
    expect([e.code, e.message, e.retryable, e.advice]).toEqual([
      'E_REPORT_WRITE',
      'cannot write the report to /tmp/r.json: no space left on the device (ENOSPC)',
      false,
      'retry will not help until space is freed',
    ]);
  });

  it('an unreadable input file is one usage line naming the path and the cause', () => {
    const e = inputReadError('rehearse: scenario file', 's.json', errno('EACCES'));
    expect([e.code, e.message]).toEqual(['E_USAGE', "rehearse: scenario file 's.json' cannot be read: permission denied (EACCES); fix its permissions"]);
  });
});
