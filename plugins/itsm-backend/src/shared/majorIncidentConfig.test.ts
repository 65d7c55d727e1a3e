import { ConfigReader } from '@backstage/config';
import { readMajorIncidentConfig } from './majorIncidentConfig';

describe('readMajorIncidentConfig', () => {
  it('defaults to declaring by hand and closing after a published postmortem', () => {
    expect(readMajorIncidentConfig(new ConfigReader({}))).toEqual({
      autoDeclare: false,
      closeRequiresPostmortem: 'published',
    });
  });

  it('reads both keys', () => {
    expect(
      readMajorIncidentConfig(
        new ConfigReader({
          itsm: {
            majorIncidents: {
              autoDeclare: true,
              closeRequiresPostmortem: 'written',
            },
          },
        }),
      ),
    ).toEqual({ autoDeclare: true, closeRequiresPostmortem: 'written' });
  });

  it('names the key of a bad requirement', () => {
    expect(() =>
      readMajorIncidentConfig(
        new ConfigReader({
          itsm: { majorIncidents: { closeRequiresPostmortem: 'always' } },
        }),
      ),
    ).toThrow(
      "itsm.majorIncidents.closeRequiresPostmortem must be one of published, written, none, got 'always'",
    );
  });

  it('names the key of a flag that is not a boolean', () => {
    expect(() =>
      readMajorIncidentConfig(
        new ConfigReader({ itsm: { majorIncidents: { autoDeclare: 'soon' } } }),
      ),
    ).toThrow(/itsm\.majorIncidents\.autoDeclare/);
  });
});
