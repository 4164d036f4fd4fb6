// Elementary functions with the same bits on every machine (see Elementary/).
#ifndef NEURALKIT_ELEMENTARY_H
#define NEURALKIT_ELEMENTARY_H

#endif
