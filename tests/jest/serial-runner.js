/**
 * jest's own runner, marked serial: jest runs the files of a serial runner one at a time, in band,
 * after the other projects. `maxWorkers` and `--runInBand` are global; this is per project.
 */
const TestRunner = require('jest-runner').default;

module.exports = class SerialRunner extends TestRunner {
  get isSerial() {
    return true;
  }
};
