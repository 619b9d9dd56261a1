/** PID 1 of a runner container (runner/Dockerfile). */
import { main } from './main.js'

main()
