import { startScaleServer } from './scale-server';

/** Starts the scale server in the background; the function returned stops it after the run. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  return startScaleServer();
}
