import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { CreateTaskInput, MatterDetail, TaskView } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useCreateTask } from '../api/create-task';
import { useMatterTasks } from '../api/list-matter-tasks';
import { useUpdateTask } from '../api/update-task';

const STATUS_LABELS: Record<TaskView['status'], string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' };

export function TasksSection({ matter }: { matter: MatterDetail }) {
  const tasks = useMatterTasks(matter.id);
  const updateMutation = useUpdateTask(matter.id);
  const { canWrite } = matter.viewer;

  if (tasks.isPending) return <PageLoader label="Loading tasks" />;
  if (tasks.isError) return <QueryError error={tasks.error} what="the tasks" onRetry={() => void tasks.refetch()} />;
  const items = tasks.data.items;

  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text>No tasks yet.</Text>
      ) : (
        <TableRegion label="Tasks">
          <Table verticalSpacing="xs">
            <Table.Caption>Tasks of this matter, open first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Task</Table.Th>
                <Table.Th scope="col">Assignee</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {canWrite && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr key={task.id} data-testid="task-row">
                  <Table.Th scope="row" style={{ fontWeight: 400 }}>
                    {task.status === 'done' ? <s>{task.title}</s> : task.title}
                  </Table.Th>
                  <Table.Td>{task.assignee?.name ?? 'Unassigned'}</Table.Td>
                  <Table.Td>{task.dueOn ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={task.status === 'open' ? 'blue' : 'gray'} c="dark">
                      {STATUS_LABELS[task.status]}
                    </Badge>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {task.status === 'open' ? (
                        <Button
                          size="xs"
                          variant="outline"
                          loading={updateMutation.isPending && updateMutation.variables?.taskId === task.id}
                          onClick={() => updateMutation.mutate({ taskId: task.id, changes: { status: 'done' } })}
                        >
                          Complete<VisuallyHidden> task {task.title}</VisuallyHidden>
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={updateMutation.isPending && updateMutation.variables?.taskId === task.id}
                          onClick={() => updateMutation.mutate({ taskId: task.id, changes: { status: 'open' } })}
                        >
                          Reopen<VisuallyHidden> task {task.title}</VisuallyHidden>
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <FormAlert error={updateMutation.error} title="Could not change the task" />
      {canWrite && <AddTaskForm matter={matter} />}
    </Stack>
  );
}

function AddTaskForm({ matter }: { matter: MatterDetail }) {
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const mutation = useCreateTask(matter.id);
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: CreateTaskInput = { title };
    if (assigneeId) input.assigneeId = assigneeId;
    if (dueOn) input.dueOn = dueOn;
    mutation.mutate(input, {
      onSuccess: () => {
        setTitle('');
        setAssigneeId('');
        setDueOn('');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-task-heading">
      <Stack gap="xs">
        <Text fw={700} id="add-task-heading">
          Add a task
        </Text>
        <FormAlert error={mutation.error} fields={['title', 'assigneeId', 'dueOn']} title="Could not add the task" />
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Task"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            style={{ flex: 1, minWidth: 220 }}
          />
          <NativeSelect
            label="Assignee"
            data={[
              { value: '', label: 'Unassigned' },
              ...matter.team.map((member) => ({ value: member.userId, label: member.name })),
            ]}
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.currentTarget.value)}
            error={errors.assigneeId}
          />
          <TextInput
            label="Due on"
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            error={errors.dueOn}
          />
          <Button type="submit" loading={mutation.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
