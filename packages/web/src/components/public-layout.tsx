import { Box, Container, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Frame for pages seen before sign-in: the same landmarks as the app shell, without navigation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" py="md" px="lg">
        <Text fw={700} size="lg">
          Redress
        </Text>
      </Box>
      <Container component="main" size={440} py="xl">
        <Paper withBorder shadow="xs" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
