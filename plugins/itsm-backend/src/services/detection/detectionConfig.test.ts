import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readDetectionConfig } from './detectionConfig';

function read(detection: JsonValue) {
  return readDetectionConfig(new ConfigReader({ itsm: { detection } }));
}

describe('readDetectionConfig', () => {
  it('is off without config', () => {
    expect(readDetectionConfig(new ConfigReader({}))).toEqual({
      enabled: false,
      frequency: { minutes: 5 },
      lookbackMs: 30 * 86_400_000,
      majorIncidents: false,
    });
  });

  it('reads every rule, with defaults for what is left out', () => {
    expect(
      read({
        enabled: true,
        frequency: { minutes: 1 },
        lookback: 'P20D',
        repeatedIncidents: { minIncidents: 4 },
        sharedDependency: { window: { minutes: 30 } },
        majorIncidents: true,
      }),
    ).toEqual({
      enabled: true,
      frequency: { minutes: 1 },
      lookbackMs: 20 * 86_400_000,
      repeatedIncidents: { minIncidents: 4, windowMs: 14 * 86_400_000 },
      sharedDependency: { minComponents: 3, windowMs: 30 * 60_000 },
      majorIncidents: true,
    });
  });

  it.each([
    [
      { repeatedIncidents: { minIncidents: 1 } },
      'itsm.detection.repeatedIncidents.minIncidents: must be an integer of at least 2',
    ],
    [
      { repeatedIncidents: { minIncidents: 'three' } },
      'itsm.detection.repeatedIncidents.minIncidents: must be an integer of at least 2',
    ],
    [
      { sharedDependency: { minComponents: 2.5 } },
      'itsm.detection.sharedDependency.minComponents: must be an integer of at least 2',
    ],
    [
      { sharedDependency: { window: { fortnights: 1 } } },
      'itsm.detection.sharedDependency.window: must be a duration',
    ],
    [
      { repeatedIncidents: { window: { days: 0 } } },
      'itsm.detection.repeatedIncidents.window: must be longer than zero',
    ],
    [
      { repeatedIncidents: { window: { days: 60 } } },
      'itsm.detection.repeatedIncidents.window: must not be longer than itsm.detection.lookback',
    ],
    [{ frequency: 'often' }, 'itsm.detection.frequency: must be a duration'],
    [
      { enabled: 'yes please' },
      'itsm.detection.enabled: must be true or false',
    ],
    [
      { majorIncidents: 3 },
      'itsm.detection.majorIncidents: must be true or false',
    ],
    [
      { repeatedIncidents: true },
      'itsm.detection.repeatedIncidents: must be an object',
    ],
  ])('fails start-up on %j naming the key', (detection, message) => {
    expect(() => read(detection)).toThrow(message);
  });
});
