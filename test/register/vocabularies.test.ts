/** Vocabulary look-ups and the role-mailbox patterns. */
import { emailPatternToRegExp, vocabulariesFrom } from '../../src/register/vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../../src/register/vocabularies/seed';

const vocabularies = vocabulariesFrom({
  sensorTypes: sensorTypeRows(),
  themes: themeRows(),
  legalGrounds: legalGroundRows(),
  publicEmailPatterns: publicEmailPatternRows(),
});

test('labels in Dutch or English, any case, resolve to codes', () => {
  expect(vocabularies.sensorType('Optische / camera sensor')).toBe('optische-camera-sensor');
  expect(vocabularies.sensorType('SpeedDetectionDevice')).toBe('speed-detection-device');
  expect(vocabularies.sensorType('speed-detection-device')).toBe('speed-detection-device');
  expect(vocabularies.sensorType('Microfoon')).toBe('microphone');
  expect(vocabularies.sensorType('Toaster')).toBeUndefined();
  expect(vocabularies.theme('Veiligheid')).toBe('safety');
  expect(vocabularies.theme('Mobiliteit: fiets')).toBe('mobiliteit-fiets');
  expect(vocabularies.legalGround('Publieke taak')).toBe('public-task');
  expect(vocabularies.legalGround('Legitimate interests')).toBe('legitimate-interests');
});

test('public contact must be a role mailbox', () => {
  expect(vocabularies.isAllowedPublicEmail('info@denhaag.nl')).toBe(true);
  expect(vocabularies.isAllowedPublicEmail('sensorenregister@amsterdam.nl')).toBe(true);
  expect(vocabularies.isAllowedPublicEmail('Privacy@Gemeente.NL')).toBe(true);
  expect(vocabularies.isAllowedPublicEmail('jan.jansen@denhaag.nl')).toBe(false);
  expect(vocabularies.isAllowedPublicEmail('info@localhost')).toBe(false);
  expect(emailPatternToRegExp('info*@*.*').source).toBe('^info[^@\\s]*@[^@\\s]*\\.[^@\\s]*$');
});
