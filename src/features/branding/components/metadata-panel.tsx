import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { JsonObject, MetadataPatch, Organization } from '../../../api/domain';
import { ErrorState } from '../../../components/error-state';
import { JsonView } from '../../../components/json-view';
import { useLeaveGuard } from '../../../components/unsaved-changes';
import { useActiveConnection } from '../../../lib/connection-context';
import { deepMerge, parseJsonObject, removedPaths } from '../../../lib/json-merge';
import { useToast } from '../../../components/toast';
import { Gated } from '../../../components/gated';
import { useCan } from '../../../lib/session-queries';

type Mode = 'merge' | 'replace';
type Side = 'public' | 'private';

export interface MetadataPanelProps {
  readonly org: Organization;
  readonly onOrgUpdated: (org: Organization) => Promise<void>;
}

function preview(mode: Mode, current: JsonObject, patch: JsonObject | null): JsonObject | null {
  if (patch === null) return null;
  return mode === 'merge' ? deepMerge(current, patch) : patch;
}

export function MetadataPanel({ org, onOrgUpdated }: MetadataPanelProps) {
  const { api } = useActiveConnection();
  const caps = api.capabilities.metadata;
  const { toast } = useToast();
  const [mode, setMode] = useState<Mode>('merge');
  const [texts, setTexts] = useState<Record<Side, string>>({ public: '', private: '' });
  const metadata = org.metadata ?? { public: {}, private: null };
  const sides: Side[] = metadata.private === null ? ['public'] : ['public', 'private'];
  const parsed = { public: parseJsonObject(texts.public), private: parseJsonObject(texts.private) };
  const dirty = texts.public.trim() !== '' || texts.private.trim() !== '';
  const leaveGuard = useLeaveGuard(dirty);
  const role = useCan('admin', 'change metadata');
  const providerEditable = caps?.editable === true && api.metadata !== undefined;
  const editable = providerEditable && role.allowed;

  const save = useMutation({
    mutationFn: (patch: MetadataPatch) => {
      if (!api.metadata) throw new Error('Metadata cannot be changed on this provider.');
      if (mode === 'replace') {
        if (!api.metadata.replace) throw new Error('This provider cannot replace metadata.');
        return api.metadata.replace(org.id, patch);
      }
      return api.metadata.merge(org.id, patch);
    },
    onSuccess: async (updated) => {
      setTexts({ public: '', private: '' });
      toast(`Saved metadata of ${updated.name}`, 'success');
      await onOrgUpdated(updated);
    },
  });

  const valid = sides.every((side) => parsed[side].ok);
  const patch: MetadataPatch = {};
  const mutablePatch = patch as { public?: JsonObject; private?: JsonObject };
  for (const side of sides) {
    const result = parsed[side];
    if (texts[side].trim() !== '' && result.ok) mutablePatch[side] = result.value;
  }

  return (
    <Stack spacing={2}>
      {!providerEditable ? (
        <Alert severity="info">
          {api.capabilities.displayName} shows metadata read-only through this API.
        </Alert>
      ) : role.reason !== null ? (
        <Alert severity="info">{role.reason}</Alert>
      ) : null}
      <Grid container spacing={2}>
        {sides.map((side) => {
          const current = side === 'public' ? metadata.public : (metadata.private ?? {});
          const result = parsed[side];
          const next = preview(
            mode,
            current,
            texts[side].trim() !== '' && result.ok ? result.value : null,
          );
          const removed = mode === 'merge' && result.ok ? removedPaths(current, result.value) : [];
          const title = side === 'public' ? 'Public metadata' : 'Private metadata';
          return (
            <Grid key={side} size={{ xs: 12, md: sides.length > 1 ? 6 : 12 }}>
              <Card component="section" aria-label={title}>
                <CardHeader
                  title={title}
                  subheader={side === 'public' ? 'Readable by the frontend' : 'Backend only'}
                  slotProps={{ title: { component: 'h2', variant: 'h3' } }}
                />
                <CardContent sx={{ pt: 0 }}>
                  <Stack spacing={2}>
                    <JsonView value={current} label={`Current ${title.toLowerCase()}`} />
                    {editable ? (
                      <>
                        <TextField
                          label={
                            mode === 'merge' ? `${title}: changes to merge` : `${title}: new value`
                          }
                          multiline
                          minRows={4}
                          value={texts[side]}
                          onChange={(event) => {
                            setTexts((previous) => ({ ...previous, [side]: event.target.value }));
                          }}
                          error={!result.ok}
                          helperText={
                            result.ok
                              ? mode === 'merge'
                                ? 'Nested objects merge; set a key to null to remove it.'
                                : 'Replaces the whole object.'
                              : result.error
                          }
                          slotProps={{
                            htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } },
                          }}
                        />
                        {next ? (
                          <>
                            <Typography variant="subtitle2" component="h3">
                              Result after saving
                            </Typography>
                            <JsonView value={next} label={`Preview of ${title.toLowerCase()}`} />
                            {removed.length > 0 ? (
                              <Alert severity="warning">Removes: {removed.join(', ')}</Alert>
                            ) : null}
                          </>
                        ) : null}
                      </>
                    ) : null}
                  </Stack>
                </CardContent>
              </Card>
            </Grid>
          );
        })}
      </Grid>
      {editable ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {caps.replace ? (
            <ToggleButtonGroup
              exclusive
              size="small"
              value={mode}
              aria-label="How to save"
              onChange={(_, value: Mode | null) => {
                if (value) setMode(value);
              }}
            >
              <ToggleButton value="merge">Merge</ToggleButton>
              <ToggleButton value="replace">Replace</ToggleButton>
            </ToggleButtonGroup>
          ) : null}
          <Gated need="admin" action="change metadata">
            {(gated) => (
              <Button
                variant="contained"
                disabled={gated || !dirty || !valid}
                loading={save.isPending}
                onClick={() => {
                  save.mutate(patch);
                }}
              >
                {mode === 'merge' ? 'Merge metadata' : 'Replace metadata'}
              </Button>
            )}
          </Gated>
          <Button
            disabled={!dirty || save.isPending}
            onClick={() => {
              setTexts({ public: '', private: '' });
            }}
          >
            Discard
          </Button>
        </Stack>
      ) : null}
      {save.isError ? <ErrorState title="Metadata was not saved" error={save.error} /> : null}
      {leaveGuard}
    </Stack>
  );
}
