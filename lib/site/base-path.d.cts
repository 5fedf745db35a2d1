export function basePath(): string;
