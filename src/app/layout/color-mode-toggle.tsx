import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import SettingsBrightnessIcon from '@mui/icons-material/SettingsBrightness';
import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';

const NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const LABEL = { system: 'follows the system', light: 'light', dark: 'dark' } as const;

/** Light, dark, or the system's choice (the default); remembered by MUI in local storage. */
export function ColorModeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  const next = NEXT[current];
  const label = `Theme ${LABEL[current]}. Switch to ${next === 'system' ? 'the system theme' : next}`;
  const icon =
    current === 'system' ? (
      <SettingsBrightnessIcon />
    ) : current === 'light' ? (
      <LightModeIcon />
    ) : (
      <DarkModeIcon />
    );
  return (
    <IconButton
      color="inherit"
      aria-label={label}
      onClick={() => {
        setMode(next);
      }}
    >
      {icon}
    </IconButton>
  );
}
