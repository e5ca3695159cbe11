import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { LogoCapabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { useToast } from '../../../components/toast';

export interface LogoPanelProps {
  readonly org: Organization;
  /** Called with the updated org, or without one when the caller must re-read it. */
  readonly onOrgChanged: (org?: Organization) => Promise<void>;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** Checks type and size in the browser, before any request, with the provider's own limits. */
export function checkLogoFile(file: File, caps: LogoCapabilities): string | null {
  if (!caps.contentTypes.includes(file.type)) {
    const allowed = caps.contentTypes
      .map((type) => type.replace('image/', '').toUpperCase())
      .join(', ');
    return `${file.name} is not an accepted image type. Use ${allowed}.`;
  }
  if (file.size > caps.maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(caps.maxBytes)}.`;
  }
  return null;
}

export function LogoPanel({ org, onOrgChanged }: LogoPanelProps) {
  const { api } = useActiveConnection();
  const caps = api.capabilities.logo;
  const logo = api.logo;
  const { toast } = useToast();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const file = chosen?.file ?? null;
  const previewUrl = chosen?.url ?? null;
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [dragging, setDragging] = useState(false);

  // The preview's object URL is released when it is replaced or the panel closes.
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );
  const setFile = (next: File | null) => {
    setChosen(next ? { file: next, url: URL.createObjectURL(next) } : null);
  };

  const upload = useMutation({
    mutationFn: (image: File) => {
      if (!logo) throw new Error('Logos cannot be changed on this provider.');
      return logo.upload(org.id, image, image.name);
    },
    onSuccess: async (updated) => {
      setFile(null);
      toast(`Uploaded a new logo for ${org.name}`, 'success');
      await onOrgChanged(updated ?? undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => {
      if (!logo) throw new Error('Logos cannot be changed on this provider.');
      return logo.remove(org.id);
    },
    onSuccess: async () => {
      setConfirmRemove(false);
      toast(`Removed the logo of ${org.name}`, 'success');
      await onOrgChanged();
    },
  });

  if (!caps || !logo)
    return <Alert severity="info">This provider keeps no organization logo.</Alert>;

  const choose = (picked: File | undefined) => {
    upload.reset();
    if (!picked) return;
    const error = checkLogoFile(picked, caps);
    setProblem(error);
    setFile(error ? null : picked);
  };

  return (
    <Card component="section" aria-label="Logo">
      <CardHeader title="Logo" slotProps={{ title: { component: 'h2', variant: 'h3' } }} />
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
          <Box
            sx={{
              width: 160,
              height: 160,
              border: 1,
              borderColor: 'divider',
              borderRadius: 2,
              display: 'grid',
              placeItems: 'center',
              overflow: 'hidden',
              flexShrink: 0,
            }}
          >
            {previewUrl ? (
              <img
                src={previewUrl}
                alt={`Preview of the new logo for ${org.name}`}
                style={{ maxWidth: '100%', maxHeight: '100%' }}
              />
            ) : org.hasImage && org.imageUrl ? (
              <img
                src={org.imageUrl}
                alt={`Current logo of ${org.name}`}
                style={{ maxWidth: '100%', maxHeight: '100%' }}
              />
            ) : (
              <Typography color="text.secondary">No logo</Typography>
            )}
          </Box>
          <Stack spacing={2} sx={{ flexGrow: 1 }}>
            <Box
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => {
                setDragging(false);
              }}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                choose(event.dataTransfer.files[0]);
              }}
              sx={{
                p: 3,
                border: 2,
                borderStyle: 'dashed',
                borderColor: dragging ? 'primary.main' : 'divider',
                borderRadius: 2,
                textAlign: 'center',
              }}
            >
              <Typography gutterBottom>Drop an image here, or</Typography>
              <input
                ref={inputRef}
                id={inputId}
                type="file"
                accept={caps.contentTypes.join(',')}
                hidden
                onChange={(event) => {
                  choose(event.target.files?.[0]);
                  event.target.value = '';
                }}
              />
              <Button
                variant="outlined"
                startIcon={<CloudUploadIcon />}
                onClick={() => inputRef.current?.click()}
              >
                Choose an image
              </Button>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {caps.contentTypes
                  .map((type) => type.replace('image/', '').toUpperCase())
                  .join(', ')}
                , up to {formatBytes(caps.maxBytes)}.
              </Typography>
            </Box>
            {problem ? <Alert severity="error">{problem}</Alert> : null}
            {upload.isError ? (
              <ErrorState title="The logo was not uploaded" error={upload.error} />
            ) : null}
            <Stack direction="row" spacing={1}>
              <Button
                variant="contained"
                disabled={!file}
                loading={upload.isPending}
                onClick={() => {
                  if (file) upload.mutate(file);
                }}
              >
                {file ? `Upload ${file.name}` : 'Upload logo'}
              </Button>
              {caps.removable && org.hasImage ? (
                <Button
                  color="error"
                  onClick={() => {
                    setConfirmRemove(true);
                  }}
                >
                  Remove logo
                </Button>
              ) : null}
            </Stack>
          </Stack>
        </Stack>
      </CardContent>
      <ConfirmDialog
        open={confirmRemove}
        destructive
        title={`Remove the logo of ${org.name}?`}
        confirmLabel="Remove logo"
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error).message : null}
        onClose={() => {
          setConfirmRemove(false);
          remove.reset();
        }}
        onConfirm={() => {
          remove.mutate();
        }}
      >
        <Typography>
          The organization will show its initials instead until a new logo is uploaded.
        </Typography>
      </ConfirmDialog>
    </Card>
  );
}
