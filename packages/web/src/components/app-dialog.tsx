import { Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

type AppDialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: ModalRootProps['size'];
};

/**
 * Mantine's Modal renders its title bar as <header>, which reads as a second page banner; this one uses
 * a plain element and names the close button.
 */
export function AppDialog({ title, onClose, children, size = 'md' }: AppDialogProps) {
  return (
    <Modal.Root opened onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
