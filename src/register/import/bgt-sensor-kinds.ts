/**
 * What the register knows about BGT/IMGeo sensors by their `plus-type` (IMGeo 2.1 `TypeSensorPlus`): the
 * sensor type code, the data the sensor collects and the themes. The BGT says where a sensor stands, not
 * what it records; these defaults describe what such a device typically records.
 */

/** Register values for one BGT plus-type. */
export interface BgtSensorKind {
  /** Dutch label, used in the name (`Camera G0518.092c6e05`). */
  label: string;
  /** Sensor type code (from `sensorTypeRows()`). */
  sensorType: string;
  datastreamName: string;
  datastreamDescription: string;
  observedProperty: string;
  observedPropertyDefinition?: string;
  unit?: { name: string; symbol: string; definition: string };
  /** Theme codes (from `themeRows()`). */
  themes: string[];
}

/** Known plus-types. Any other value keeps its own label and no sensor type (see `parse-bgt-gml.ts`). */
export const BGT_SENSOR_KINDS: Readonly<Record<string, BgtSensorKind>> = {
  camera: {
    label: 'Camera',
    // Amsterdam's "Optische / camera sensor".
    sensorType: 'optische-camera-sensor',
    datastreamName: 'Camerabeelden',
    datastreamDescription: 'Beelden die de camera opneemt.',
    observedProperty: 'Beeld',
    themes: ['safety'],
  },
  flitser: {
    label: 'Flitser',
    // SensRNet "SpeedDetectionDevice": detects speeding and running a red light.
    sensorType: 'speed-detection-device',
    datastreamName: 'Voertuigsnelheid',
    datastreamDescription: 'Snelheid van passerende voertuigen, gemeten door de flitser.',
    observedProperty: 'Snelheid',
    observedPropertyDefinition: 'http://qudt.org/vocab/quantitykind/Speed',
    unit: { name: 'kilometer per uur', symbol: 'km/h', definition: 'http://qudt.org/vocab/unit/KiloM-PER-HR' },
    themes: ['rail-and-road-traffic', 'safety'],
  },
};
