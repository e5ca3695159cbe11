import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { LogoCapabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import type { LogoVariant } from '../../../api/org-admin-api';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { useToast } from '../../../components/toast';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { Gated } from '../../../components/gated';
import { useCan } from '../../../lib/session-queries';
import {
  acceptedTypes,
  checkLogoDimensions,
  checkLogoFile,
  formatBytes,
  readImageSize,
} from '../logo-checks';

export interface LogoCardProps {
  readonly org: Organization;
  readonly caps: LogoCapabilities;
  /** `default` for providers with one logo. */
  readonly variant: 'default' | LogoVariant;
  readonly onOrgChanged: (org?: Organization) => Promise<void>;
}

const TITLE = { default: 'Logo', light: 'Light logo', dark: 'Dark logo' } as const;

/**
 * One logo: current image, drag-and-drop or pick, checks (type, size, pixels) before any request,
 * a preview, upload with a progress bar, removal with a confirmation.
 */
export function LogoCard({ org, caps, variant, onOrgChanged }: LogoCardProps) {
  const { api } = useActiveConnection();
  const logo = api.logo;
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const { allowed: canChange, reason: roleReason } = useCan('admin', 'change logos');
  const title = TITLE[variant];
  const current = variant === 'dark' ? org.imageUrlDark : org.hasImage ? org.imageUrl : null;
  const options = variant === 'default' ? {} : { variant };

  // The preview's object URL is released when it is replaced or the card goes away.
  useEffect(
    () => () => {
      if (chosen) URL.revokeObjectURL(chosen.url);
    },
    [chosen],
  );

  const upload = useMutation({
    mutationFn: (file: File) => {
      if (!logo) throw new Error('Logos cannot be changed on this provider.');
      setProgress(0);
      return logo.upload(org.id, file, file.name, {
        ...options,
        onUploadProgress: (sent, total) => {
          setProgress(total > 0 ? Math.round((sent / total) * 100) : null);
        },
      });
    },
    onSettled: () => {
      setProgress(null);
    },
    onSuccess: async (updated) => {
      setChosen(null);
      toast(`Uploaded a new ${title.toLowerCase()} for ${org.name}`, 'success');
      await onOrgChanged(updated ?? undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => {
      if (!logo) throw new Error('Logos cannot be changed on this provider.');
      return logo.remove(org.id, options);
    },
    onSuccess: async () => {
      setConfirmRemove(false);
      toast(`Removed the ${title.toLowerCase()} of ${org.name}`, 'success');
      await onOrgChanged();
    },
  });

  const choose = async (file: File | undefined) => {
    // The drop zone refuses files for roles that cannot change logos (the gateway would say 403).
    if (!canChange) return;
    upload.reset();
    setChosen(null);
    if (!file) return;
    const wrong = checkLogoFile(file, caps);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    const size = file.type === 'image/svg+xml' ? null : await readImageSize(file);
    if (file.type !== 'image/svg+xml' && size === null) {
      setProblem(`${file.name} could not be read as an image.`);
      return;
    }
    const badSize = size ? checkLogoDimensions(file.name, size.width, size.height) : null;
    setProblem(badSize);
    if (!badSize) setChosen({ file, url: URL.createObjectURL(file) });
  };

  const uploadLabel = chosen
    ? `Upload ${chosen.file.name}`
    : variant === 'default'
      ? 'Upload logo'
      : `Upload ${title.toLowerCase()}`;
  return (
    <Card component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { component: 'h2', variant: 'h3' } }} />
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
              bgcolor: variant === 'dark' ? 'grey.900' : 'background.paper',
            }}
          >
            {chosen ? (
              <img
                src={chosen.url}
                alt={`Preview of the new ${title.toLowerCase()} for ${org.name}`}
                style={{ maxWidth: '100%', maxHeight: '100%' }}
              />
            ) : current ? (
              <img
                src={current}
                alt={`Current ${title.toLowerCase()} of ${org.name}`}
                style={{ maxWidth: '100%', maxHeight: '100%' }}
              />
            ) : (
              <Typography sx={{ color: variant === 'dark' ? 'grey.300' : 'text.secondary' }}>
                No logo
              </Typography>
            )}
          </Box>
          <Stack spacing={2} sx={{ flexGrow: 1 }}>
            <Box
              role="group"
              aria-label={`Drop a new ${title.toLowerCase()}`}
              aria-disabled={!canChange}
              onDragOver={(event) => {
                event.preventDefault();
                if (!canChange) {
                  event.dataTransfer.dropEffect = 'none';
                  return;
                }
                setDragging(true);
              }}
              onDragLeave={() => {
                setDragging(false);
              }}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                void choose(event.dataTransfer.files[0]);
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
              <Typography gutterBottom>{roleReason ?? 'Drop an image here, or'}</Typography>
              <input
                ref={input}
                type="file"
                accept={caps.contentTypes.join(',')}
                hidden
                onChange={(event) => {
                  void choose(event.target.files?.[0]);
                  event.target.value = '';
                }}
              />
              <Gated need="admin" action="change logos">
                {(gated) => (
                  <Button
                    variant="outlined"
                    startIcon={<CloudUploadIcon />}
                    disabled={gated || upload.isPending}
                    onClick={() => input.current?.click()}
                  >
                    Choose an image
                  </Button>
                )}
              </Gated>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {acceptedTypes(caps)}, up to {formatBytes(caps.maxBytes)}, at least 32×32 pixels.
              </Typography>
            </Box>
            {problem ? <Alert severity="error">{problem}</Alert> : null}
            {upload.isError ? (
              <ErrorState title="The logo was not uploaded" error={upload.error} />
            ) : null}
            {upload.isPending ? (
              <LinearProgress
                variant={progress === null ? 'indeterminate' : 'determinate'}
                value={progress ?? 0}
                aria-label={`Uploading ${chosen?.file.name ?? 'the logo'}`}
              />
            ) : null}
            <Stack direction="row" spacing={1}>
              <Gated need="admin" action="change logos">
                {(gated) => (
                  <Button
                    variant="contained"
                    disabled={gated || !chosen}
                    loading={upload.isPending}
                    onClick={() => {
                      if (chosen) upload.mutate(chosen.file);
                    }}
                  >
                    {uploadLabel}
                  </Button>
                )}
              </Gated>
              {caps.removable && current && canChange ? (
                <Button
                  color="error"
                  onClick={() => {
                    setConfirmRemove(true);
                  }}
                >
                  Remove {title.toLowerCase()}
                </Button>
              ) : null}
            </Stack>
          </Stack>
        </Stack>
      </CardContent>
      <ConfirmDialog
        open={confirmRemove}
        destructive
        title={`Remove the ${title.toLowerCase()} of ${org.name}?`}
        confirmLabel={`Remove ${title.toLowerCase()}`}
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
          {variant === 'dark'
            ? 'Dark backgrounds will show the light logo (or the initials) instead.'
            : 'The organization will show its initials instead until a new logo is uploaded.'}
        </Typography>
      </ConfirmDialog>
    </Card>
  );
}
