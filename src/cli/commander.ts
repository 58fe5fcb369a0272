// commander, imported in one place: the bundle then wraps its CommonJS exports once, not once
// per command module (each wrap costs start-up time).
export { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
