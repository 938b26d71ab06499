/**
 * The ink adapter: the only module that imports ink (DESIGN: one adapter file per heavy
 * dependency). Components and hooks take what they need from here.
 */
export { Box, Text, render, useApp, useInput, useStdout, type Key, type Instance } from 'ink';
